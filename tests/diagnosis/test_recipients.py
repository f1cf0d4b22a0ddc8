"""Every failed recipient found, as its writer names it, and whether the failure is permanent."""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import bounce_diagnose

from .conftest import CORPUS, dsn, notice


def results(text, ruleset):
    d = bounce_diagnose(text=text, ruleset=ruleset)
    assert d.not_a_bounce is None, d.to_dict()
    return d.results


def test_original_recipient_is_given_beside_the_final_one(general_ruleset):
    (r,) = results(dsn("Original-Recipient: rfc822; sales@example.org", "Final-Recipient: rfc822; jane@example.org",
                       "Action: failed", "Status: 5.1.1", "Diagnostic-Code: smtp; 550 5.1.1 User unknown"),
                   general_ruleset)
    assert (r.recipient, r.original_recipient) == ("jane@example.org", "sales@example.org")
    assert r.to_dict()["original_recipient"] == "sales@example.org"


def test_an_x400_final_recipient_gives_way_to_the_address_the_sender_wrote(general_ruleset):
    # RFC 3464 2.3.2: the address type of Final-Recipient need not be rfc822
    (r,) = results(dsn("Original-Recipient: rfc822;jane@example.org",
                       "Final-Recipient: x400; /S=doe/G=jane/O=example/PRMD=org/ADMD= /C=gb/",
                       "Action: failed", "Status: 5.1.1"), general_ruleset)
    assert r.recipient == "jane@example.org"


def test_smtp_prefixes_are_stripped_from_addresses(general_ruleset):
    text = notice(
        "Your message",
        "",
        "did not reach the following recipient(s):",
        "",
        "c=US;a= ;p=Example;o=Mail;dda:SMTP=jane@example.org; on Fri, 4 Oct 2002 17:12:28 -0400",
        "    The recipient name is not recognized",
        sender="System Administrator <postmaster@example.org>",
        subject="Undeliverable: Quarterly figures",
    )
    assert [r.recipient for r in results(text, general_ruleset)] == ["jane@example.org"]


def test_an_address_generated_from_an_alias_names_the_address_the_sender_wrote(general_ruleset):
    # Exim deliver.c: "  an undisclosed address\n    (generated from alias)"
    text = notice(
        "This message was created automatically by mail delivery software.",
        "",
        "A message that you sent could not be delivered to one or more of its",
        "recipients. This is a permanent error. The following address(es) failed:",
        "",
        "  an undisclosed address",
        "    (generated from team@example.org)",
        sender="Mail Delivery System <Mailer-Daemon@mail.example.net>",
        subject="Mail delivery failed: returning message to sender",
    )
    (r,) = results(text, general_ruleset)
    assert r.recipient == "team@example.org"
    assert r.permanent is True


def test_sendmail_expanded_from_is_kept_as_the_original_recipient(general_ruleset):
    text = notice(
        "   ----- The following addresses had permanent fatal errors -----",
        "jane@mx.example.org",
        "    (expanded from: sales@example.org)",
        "",
        "   ----- Transcript of session follows -----",
        "554 Too many hops 26 (25 max): from sender@example.com via localhost, to sales@example.org",
        sender="Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>",
        subject="Returned mail: see transcript for details",
    )
    (r,) = results(text, general_ruleset)
    assert (r.recipient, r.original_recipient) == ("jane@mx.example.org", "sales@example.org")


def test_a_report_whose_only_recipient_is_named_in_prose(general_ruleset):
    text = notice(
        "Hello, this is the mail server. Your message was undeliverable to jane@example.org because",
        "the mailbox is full. Please try again later.",
        sender="Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>",
        subject="Failure notice",
    )
    (r,) = results(text, general_ruleset)
    assert (r.recipient, r.category) == ("jane@example.org", "mailboxfull")


def test_an_mbox_of_three_bounces_is_read_whole(general_ruleset):
    names = ["lhost-postfix-07.eml", "lhost-exim-06.eml", "lhost-gmail-19.eml"]
    singles = [results((CORPUS / "emails" / n).read_bytes(), general_ruleset) for n in names]
    mbox = b"".join(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n" +
                    (CORPUS / "emails" / n).read_bytes().replace(b"\r\n", b"\n") + b"\n" for n in names)
    together = results(mbox, general_ruleset)
    assert [(r.recipient, r.category) for r in together] == [(r.recipient, r.category) for s in singles for r in s]
    assert len(together) == 3


def test_a_real_bounce_with_a_trailing_nul_byte_is_read(general_ruleset):
    raw = (CORPUS / "emails" / "lhost-exim-06.eml").read_bytes()
    expected = [(r.recipient, r.category) for r in results(raw, general_ruleset)]
    assert [(r.recipient, r.category) for r in results(raw + b"\x00", general_ruleset)] == expected
    assert [(r.recipient, r.category) for r in results(raw.replace(b"\n\n", b"\n\x07\n", 1), general_ruleset)] \
        == expected


@pytest.mark.parametrize("text", [
    "Your message could not be delivered: the mailbox is full. Call our help desk at 555-0123.",
    "Your message could not be delivered: the mailbox is full. Questions? (555) 012-3456",
])
def test_a_phone_number_is_never_a_reply_code(general_ruleset, text):
    (r,) = results(text, general_ruleset)
    assert r.reply_code is None


@pytest.mark.parametrize("text, permanent", [
    ("This is a permanent error: the recipient mailbox is unavailable", True),
    ("The mailbox is full. The server will retry for 5 days.", False),
    ("jane@example.org: user unknown", True),
    ("retry timeout exceeded", False),
    ("Rien dans la boîte : erreur permanente, la boîte aux lettres est pleine", True),
])
def test_permanence_is_read_from_the_words_when_there_is_no_code(general_ruleset, text, permanent):
    (r,) = results(text, general_ruleset)
    assert (r.status, r.reply_code) == (None, None)
    assert r.permanent is permanent


def test_a_delayed_action_without_code_is_temporary(general_ruleset):
    (r,) = results(dsn("Final-Recipient: rfc822; jane@example.org", "Action: delayed",
                       "Diagnostic-Code: smtp; connection timed out"), general_ruleset)
    assert r.permanent is False


def test_a_temporary_error_given_up_on_is_expired_with_the_last_error_as_evidence(general_ruleset):
    # qmail-send.c: "I'm not going to try again; this message has been in the queue too long."
    text = notice(
        "Hi. This is the qmail-send program at mail.example.net.",
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        "This is a permanent error; I've given up. Sorry it didn't work out.",
        "",
        "<jane@example.org>:",
        "I'm not going to try again; this message has been in the queue too long.",
        "Remote host said: 451 4.3.0 Please try again later",
        sender="MAILER-DAEMON@mail.example.net",
        subject="failure notice",
    )
    (r,) = results(text, general_ruleset)
    assert r.category == "expired"
    assert any(e.startswith("last error: 451 4.3.0") for e in r.evidence), r.evidence


def test_a_last_error_that_names_its_reason_keeps_it(general_ruleset):
    text = notice(
        "<jane@example.org>:",
        "I'm not going to try again; this message has been in the queue too long.",
        "Remote host said: 452 4.2.2 Mailbox full",
        sender="MAILER-DAEMON@mail.example.net",
        subject="failure notice",
    )
    (r,) = results(text, general_ruleset)
    assert r.category == "mailboxfull"


@pytest.mark.parametrize("diagnostic, category", [
    ("maildrop: maildir over quota.", "mailboxfull"),
    ("procmail: Quota exceeded while writing \"/var/mail/jane\"", "mailboxfull"),
    ("maildrop: Cannot find system user", "userunknown"),
    ("procmail: Couldn't create \"/var/spool/mail/jane\"", "mailererror"),
])
def test_a_local_delivery_agent_names_its_own_reason(general_ruleset, diagnostic, category):
    (r,) = results(dsn("Final-Recipient: rfc822; jane@example.org", "Action: failed", "Status: 5.0.0",
                       "Diagnostic-Code: x-unix; " + diagnostic), general_ruleset)
    assert r.category == category
