"""Whatever a visitor pastes: an answer or BounceInputError, always within a bounded time."""

from __future__ import annotations

import base64
import codecs
import random

import pytest

from troubleshoot.diagnosis import MAX_INPUT_BYTES, BounceInputError, bounce_diagnose

from .conftest import DSN_REPORT_BODY, within

LIMIT = 3.0  # seconds; every case below should take a small fraction of it


def answer(text, ruleset):
    with within(LIMIT):
        d = bounce_diagnose(text=text, ruleset=ruleset)
    # an answer is a result per recipient, or an explicit "this is not a bounce"
    assert bool(d.results) != bool(d.not_a_bounce), d.to_dict()
    for r in d.results:
        assert r.article in ruleset.articles
    d.to_dict()
    return d


def refused(text, ruleset, code):
    with within(LIMIT):
        with pytest.raises(BounceInputError) as e:
            bounce_diagnose(text=text, ruleset=ruleset)
    assert e.value.code == code
    assert e.value.detail
    return e.value


@pytest.mark.parametrize("text", ["", b"", "   \n\t  \r\n", b"\n\n\n", "\ufeff", codecs.BOM_UTF8])
def test_empty_text_is_refused(general_ruleset, text):
    refused(text, general_ruleset, "empty")


def test_ten_megabytes_are_refused(general_ruleset):
    refused("x" * 10_000_000, general_ruleset, "too_large")
    refused(b"550 5.1.1 user unknown\n" * 500_000, general_ruleset, "too_large")
    refused(b"550 5.1.1 user unknown " + b"y" * (MAX_INPUT_BYTES - 22), general_ruleset, "too_large")  # one over


def test_just_under_the_limit_is_answered(general_ruleset):
    answer(b"550 5.1.1 user unknown " + b"y" * (MAX_INPUT_BYTES - 40), general_ruleset)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10,
    b"PK\x03\x04" + b"\x00" * 100,
    b"\x1f\x8b\x08\x00" + bytes(random.Random(1).randrange(256) for _ in range(4000)),
    bytes(random.Random(2).randrange(256) for _ in range(10000)),
    b"550 user unknown\x00\x00\x00\x00",
    "\x00\x01\x02 mostly control characters \x03\x04\x05\x06\x07\x08\x0b",
])
def test_binary_data_is_refused(general_ruleset, data):
    refused(data, general_ruleset, "binary")


@pytest.mark.parametrize("text", ["550 user unknown \ud800 x", "\udcff" * 10 + " 550 5.1.1 user unknown",
                                  "From: a@b.example\nSubject: x\n\n<c@d.example>: 550 no such user \udcff\ud800"])
def test_lone_surrogates_in_text_are_answered_and_serialisable(general_ruleset, text):
    import json
    d = answer(text, general_ruleset)
    json.dumps(d.to_dict())


def test_other_types_are_unreadable(general_ruleset):
    refused(12345, general_ruleset, "unreadable")


@pytest.mark.parametrize("data", [
    "550 5.1.1 Utilisateur inconnu : <élodie@exemple.fr>".encode("latin-1"),
    "550 5.1.1 Utilisateur inconnu : <élodie@exemple.fr>".encode("utf-16"),
    "550 5.1.1 Utilisateur inconnu : <elodie@exemple.fr>".encode("utf-16-le"),
    "550 5.1.1 ユーザーが存在しません user unknown".encode("shift_jis"),
    "550 5.1.1 ユーザーが存在しません user unknown".encode("iso-2022-jp"),
    b"550 5.1.1 user unknown \xff\xfe\xc3\x28 broken \xe2\x82 utf-8",
])
def test_any_charset_or_a_broken_one_is_answered(general_ruleset, data):
    d = answer(data, general_ruleset)
    assert d.results[0].reply_code == "550"
    assert d.results[0].category == "userunknown"


def test_mime_part_with_unknown_charset_is_answered(general_ruleset):
    msg = ("From: MAILER-DAEMON@example.net\nSubject: Undelivered\nMIME-Version: 1.0\n"
           'Content-Type: text/plain; charset="x-no-such-charset"\nContent-Transfer-Encoding: 8bit\n\n'
           "<zoé@example.org>: host mx.example.org[192.0.2.1] said: 552 5.2.2 Boîte pleine\n").encode("latin-1")
    d = answer(msg, general_ruleset)
    assert d.results[0].category == "mailboxfull"


def test_report_nested_in_a_report_neither_hangs_nor_duplicates(general_ruleset):
    inner = DSN_REPORT_BODY
    for level in range(40):
        inner = ("From: MAILER-DAEMON@level%d.example\nSubject: Undelivered Mail Returned to Sender\n"
                 "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; "
                 'boundary="L%d"\n\n--L%d\nContent-Type: text/plain\n\nSee attached.\n--L%d\n'
                 "Content-Type: message/rfc822\n\n%s\n--L%d--\n" % (level, level, level, level, inner, level))
    d = answer(inner, general_ruleset)
    recipients = [r.recipient for r in d.results]
    assert len(recipients) == len(set(recipients))


def test_bounce_of_a_bounce_reports_the_outer_failure_once(general_ruleset):
    outer = ("From: MAILER-DAEMON@outer.example\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
             'Content-Type: multipart/report; report-type=delivery-status; boundary="O"\n\n--O\n'
             "Content-Type: text/plain\n\n<helpdesk@outer.example>: host mx.outer.example[192.0.2.5] said: 552 5.2.2 "
             "Mailbox full (in reply to RCPT TO command)\n--O\nContent-Type: message/delivery-status\n\n"
             "Reporting-MTA: dns; outer.example\n\nFinal-Recipient: rfc822; helpdesk@outer.example\nAction: failed\n"
             "Status: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n--O\nContent-Type: message/rfc822\n\n"
             + DSN_REPORT_BODY + "\n--O--\n")
    d = answer(outer, general_ruleset)
    assert [r.recipient for r in d.results] == ["helpdesk@outer.example"]
    assert d.results[0].category == "mailboxfull"


def test_deeply_nested_mime_is_bounded(general_ruleset):
    depth = 5000
    head = "".join('Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(depth))
    tail = "".join("\n--b%d--\n" % i for i in reversed(range(depth)))
    msg = "From: x@example.net\nSubject: deep\nMIME-Version: 1.0\n" + head + \
        "Content-Type: text/plain\n\n550 5.1.1 <a@example.org>: user unknown\n" + tail
    answer(msg, general_ruleset)


def test_many_parts_are_bounded(general_ruleset):
    parts = "".join("--p\nContent-Type: text/plain\n\nline %d <r%d@example.org>: 550 no such user\n" % (i, i)
                    for i in range(20000))
    msg = "From: x@example.net\nSubject: parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=p\n\n" + \
        parts + "--p--\n"
    d = answer(msg, general_ruleset)
    assert len(d.results) <= 200


def test_a_million_short_lines_are_bounded(general_ruleset):
    answer("a\n" * 999_999, general_ruleset)
    answer("550\n" * 499_999, general_ruleset)
    answer("x@y.zz\n" * 280_000, general_ruleset)


@pytest.mark.parametrize("piece", [
    "a", " ", "<", "@", "a@", "@a.", ".", "-", "550-", "550 5.1.1 ", "5.5.5.", "1.2.3.4.", ":", "::1:",
    "Final-Recipient: rfc822; a@b.c\n", "--boundary\n", "Received: x\n", " said: ", "(reason: ",
    ">>> RCPT TO:<a@b.c>\n<<< 550 x\n", "=?utf-8?b?", "&#", "<br", "<script", "user unknown ", "aaaa@" * 3,
    "\\", "(((((", "[[[[", "mailbox ", "spf dkim dmarc ", "http://", "host ",
])
def test_text_built_to_be_slow_is_bounded(general_ruleset, piece):
    text = (piece * (1_900_000 // len(piece)))[:1_900_000]
    if not piece.strip():
        refused(text, general_ruleset, "empty")  # nothing but spaces
    else:
        answer(text, general_ruleset)


def test_hostile_mime_headers_are_bounded(general_ruleset):
    msg = ("From: x@example.net\nSubject: " + "=?utf-8?q?a?= " * 20000 + "\nMIME-Version: 1.0\n"
           "Content-Type: multipart/report; " + "x=y; " * 20000 + 'boundary="q"\n\n--q\n'
           "Content-Type: text/html\n\n" + "<" * 300_000 + "<p>550 5.1.1 user unknown</p>\n--q--\n")
    answer(msg, general_ruleset)


def test_huge_base64_part_is_bounded(general_ruleset):
    blob = base64.encodebytes(b"PK\x03\x04" + b"\x00" * 1_200_000).decode()
    msg = ("From: MAILER-DAEMON@example.net\nSubject: Undelivered\nMIME-Version: 1.0\n"
           'Content-Type: multipart/mixed; boundary="z"\n\n--z\nContent-Type: text/plain\n\n'
           "<a@example.org>: 550 5.1.1 user unknown\n--z\nContent-Type: application/zip\n"
           "Content-Transfer-Encoding: base64\n\n" + blob + "--z--\n")
    d = answer(msg, general_ruleset)
    assert d.results[0].category == "userunknown"


def test_text_with_a_lone_surrogate_handed_in_directly_is_read_not_raised(general_ruleset):
    from troubleshoot.diagnosis import bounce_text_decoded

    text = "550 5.1.1 <a@example.org> user unknown \ud800 and \udfff here"
    shown = bounce_text_decoded(text)
    assert "user unknown" in shown and "\ud800" not in shown
    assert answer(text, general_ruleset)
