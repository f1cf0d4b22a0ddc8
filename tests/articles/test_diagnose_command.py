import io
import json
import sys

import pytest
from django.core.management import call_command


pytestmark = pytest.mark.django_db


def run(*args, stdin=b""):
    out = io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        call_command("diagnose", *args, stdout=out)
    finally:
        sys.stdin = old_stdin
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_prints_one_json_object_per_input(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text("553 sorry, your envelope sender is in my badmailfrom list.\n")
    second = tmp_path / "second.txt"
    second.write_text("550-Invalid recipient <user@example.com> (#5.1.1)\n")
    lines = run(str(first), str(second))
    assert [line["input"] for line in lines] == [str(first), str(second)]
    assert lines[0]["results"][0]["article"] == "sender-blocked"
    assert lines[1]["results"][0]["article"] == "invalid-recipient"
    assert lines[1]["results"][0]["status"] == "5.1.1"


def test_dash_reads_standard_input_and_lang_sets_titles():
    (line,) = run("--lang", "fr", "-", stdin=b"460 too many messages (#4.3.0)\n")
    assert line["input"] == "-"
    assert line["results"][0]["article"] == "too-many-messages"
    assert line["results"][0]["permanent"] is False


def test_an_unreadable_or_empty_input_is_reported_and_the_others_still_diagnosed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("460 too many messages (#4.3.0)\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(SystemExit):
        out = io.StringIO()
        try:
            call_command("diagnose", str(empty), str(tmp_path / "missing.txt"), str(good), stdout=out)
        finally:
            lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["input"] for line in lines] == [str(empty), str(tmp_path / "missing.txt"), str(good)]
    assert lines[0]["error"]["code"] == "empty"
    assert lines[1]["error"]["code"] == "unreadable"
    assert lines[2]["results"][0]["article"] == "too-many-messages"


def test_a_receipt_gives_no_result_and_the_reason(tmp_path):
    receipt = tmp_path / "receipt.eml"
    receipt.write_text(
        "From: Jane <jane@example.org>\nTo: sender@example.com\nSubject: Read: figures\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"\n\n--b\n'
        "Content-Type: message/disposition-notification\n\nFinal-Recipient: rfc822; jane@example.org\n"
        "Disposition: manual-action/MDN-sent-manually; displayed\n--b--\n"
    )
    (line,) = run(str(receipt))
    assert line["results"] == []
    assert line["not_a_bounce"] == "receipt"


def test_check_adds_live_dns_checks_to_each_result(settings, tmp_path, dns_server):
    settings.DNS_RESOLVERS = [dns_server.address]
    report = tmp_path / "report.eml"
    report.write_text(
        "From: MAILER-DAEMON@mx.fixture.net\nTo: someone@good.fixture.net\nSubject: Undelivered Mail Returned to Sender\n\n"
        "<bob@nullmx.fixture.net>: host mx1.rcpt.fixture.net[5.6.10.1] said: 554 5.7.1 Service unavailable; "
        "Client host [5.6.7.10] blocked using zen.spamhaus.org (in reply to RCPT TO command)\n"
    )
    (line,) = run("--check", str(report))
    (result,) = line["results"]
    checks = result["checks"]
    targets = {(c["kind"], c["target"]) for c in checks}
    assert ("blocklist", "5.6.7.10") in targets  # the client's IP, not the refusing server's 5.6.10.1
    assert not any(c["target"] == "5.6.10.1" for c in checks)
    assert ("spf", "good.fixture.net") in targets  # the bounce went back to the sender
    assert ("mx", "nullmx.fixture.net") in targets
    assert next(c for c in checks if c["kind"] == "blocklist" and c["source"] == "Spamhaus ZEN")["listed"] is True


def test_without_check_there_are_no_checks():
    (line,) = run("-", stdin=b"550 5.1.1 <bob@example.org>: user unknown\n")
    assert "checks" not in line["results"][0]
