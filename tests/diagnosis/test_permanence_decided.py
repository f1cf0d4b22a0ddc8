"""Whether resending the same message can help: "permanent" on every result, shown as
Temporary / Permanent on the result page. Codes first, then the report's own words, its RFC 3464
Action, then the nature of the reason; and "the bounce does not say" when nothing tells."""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import bounce_diagnose, ruleset_compile

RULES = ruleset_compile(signatures=[], general_articles={})


def dsn(*, action: str, diagnostic: str) -> str:
    """An RFC 3464 report without a Status field: only its Action and its words can tell."""
    return (
        "From: MAILER-DAEMON@mx.example.org\nSubject: Delivery Status Notification\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
        "--b\nContent-Type: text/plain\n\nDelivery to the following recipient failed.\n\n"
        "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
        f"Final-Recipient: rfc822; ann@example.com\nAction: {action}\nDiagnostic-Code: smtp; {diagnostic}\n--b--\n"
    )


def decided(text: str) -> tuple[str, bool | None]:
    (result,) = bounce_diagnose(text=text, ruleset=RULES).results
    return result.category, result.permanent


@pytest.mark.parametrize("text, permanent", [
    ("550 Sorry, no mailbox here by that name", True),  # 5xx
    ("450 mailbox busy, come back later", False),  # 4xx
    ("Status: 4.2.2 mailbox full", False),  # 4.x.x alone
    ("Status: 5.1.1 no such user", True),  # 5.x.x alone
    ("451 5.7.1 Message refused by policy", True),  # the enhanced code wins over the reply code
    ("550 4.2.2 Mailbox full", False),
    # Postfix's unknown_local_recipient_reject_code = 450: the code says retry, whatever the reason
    ("450 Recipient address rejected: User unknown in local recipient table", False),
])
def test_the_codes_say_first_whether_it_is_permanent(text, permanent):
    assert decided(text)[1] is permanent


@pytest.mark.parametrize("text, permanent", [
    ("Your message could not be delivered. This is a permanent error. Mailbox unavailable", True),
    ("Your message could not be delivered yet, the server will retry. Mailbox unavailable", False),
    # both: a report that gave up says so, whatever else it says about retrying
    ("This is a permanent error; the server will retry", True),
    ("Votre message n'a pas pu être remis : erreur définitive. Boîte inexistante", True),
    ("Votre message n'a pas pu être remis pour le moment, nouvelle tentative plus tard", False),
])
def test_without_a_code_the_reports_own_words_decide(text, permanent):
    assert decided(text)[1] is permanent


def test_the_words_around_the_error_count_too():
    assert decided("Delivery failed.\nThis is a permanent error.\n\nmailbox unavailable") == ("userunknown", True)


@pytest.mark.parametrize("diagnostic", ["mailbox unavailable, try again later", "user unknown, will retry"])
def test_the_words_of_the_diagnostic_code_beat_the_reports_failed_action(diagnostic):
    assert decided(dsn(action="failed", diagnostic=diagnostic))[1] is False


def test_a_delayed_report_is_temporary_even_for_a_reason_that_is_usually_permanent():
    assert decided(dsn(action="delayed", diagnostic="user unknown"))[1] is False


@pytest.mark.parametrize("text, expected", [
    ("The email account that you tried to reach does not exist", ("userunknown", True)),
    ("too many connections from your host", ("ratelimited", False)),
    # a temporary reason stays temporary even in a report whose Action is "failed"
    (dsn(action="failed", diagnostic="too many connections from your host"), ("ratelimited", False)),
    (dsn(action="failed", diagnostic="message expired, retry timeout exceeded"), ("expired", False)),
])
def test_without_codes_or_words_the_nature_of_the_reason_decides(text, expected):
    assert decided(text) == expected


def test_a_failed_action_makes_a_reason_of_no_fixed_nature_permanent():
    assert decided(dsn(action="failed", diagnostic="mailbox full")) == ("mailboxfull", True)


@pytest.mark.parametrize("text, category", [
    ("The recipient's mailbox is full and can't accept messages now", "mailboxfull"),
    (dsn(action="failed", diagnostic="something strange happened"), "onhold"),
])
def test_when_nothing_tells_the_answer_is_that_the_bounce_does_not_say(text, category):
    assert decided(text) == (category, None)


def test_a_failed_report_that_gives_no_reason_at_all_does_not_say():
    report = dsn(action="failed", diagnostic="").replace("Diagnostic-Code: smtp; \n", "")
    assert "Diagnostic-Code" not in report
    assert decided(report) == ("undefined", None)
