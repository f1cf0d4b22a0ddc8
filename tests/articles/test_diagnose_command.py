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
