"""Not a bounce: auto-replies, receipts, ordinary messages and chat get no category, and say why."""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import bounce_diagnose

from .conftest import CORPUS, eml, report


def kind(text, ruleset):
    d = bounce_diagnose(text=text, ruleset=ruleset)
    assert bool(d.results) != bool(d.not_a_bounce), d.to_dict()
    return d.to_dict().get("not_a_bounce")


OUT_OF_OFFICE = eml(
    "From: Jane Doe <jane@example.org>",
    "To: sender@example.com",
    "Subject: Automatic reply: Quarterly figures",
    "Auto-Submitted: auto-replied",
    "Message-ID: <oof-1@example.org>",
    "",
    "I am out of the office until 4 January with no access to email.",
    "For urgent matters, please contact my colleague.",
)


def test_an_out_of_office_reply_is_not_a_bounce(general_ruleset):
    d = bounce_diagnose(text=OUT_OF_OFFICE, ruleset=general_ruleset)
    assert d.to_dict() == {"results": [], "not_a_bounce": "auto_reply"}


@pytest.mark.parametrize("headers", [
    ["Subject: Réponse automatique : Réunion", "X-Auto-Response-Suppress: All"],
    ["Subject: Re: Quarterly figures", "X-Autoreply: yes"],
    ["Subject: Away", "Precedence: auto_reply"],
    ["Subject: Out of Office: Quarterly figures"],
])
def test_vacation_programs_and_outlook_subjects_are_auto_replies(general_ruleset, headers):
    text = eml("From: Jane Doe <jane@example.org>", "To: sender@example.com", *headers, "",
               "Je suis absente jusqu'au 4 janvier.")
    assert kind(text, general_ruleset) == "auto_reply"


def test_a_bounce_marked_auto_replied_is_still_a_bounce(general_ruleset):
    # Postfix marks its own bounces "Auto-Submitted: auto-replied" (bounce_notify_util.c)
    text = eml(
        "From: MAILER-DAEMON@mail.example.net (Mail Delivery System)",
        "To: sender@example.com",
        "Subject: Undelivered Mail Returned to Sender",
        "Auto-Submitted: auto-replied",
        "",
        "<jane@example.org>: host mx.example.org[192.0.2.5] said: 550 5.1.1 <jane@example.org>:",
        "    Recipient address rejected: User unknown (in reply to RCPT TO command)",
    )
    d = bounce_diagnose(text=text, ruleset=general_ruleset)
    assert [(r.recipient, r.category) for r in d.results] == [("jane@example.org", "userunknown")]
    assert d.not_a_bounce is None


def test_a_read_receipt_is_not_a_bounce(general_ruleset):
    text = report(report_type="disposition-notification",
                  headers=("From: Jane Doe <jane@example.org>", "To: sender@example.com",
                           "Subject: Read: Quarterly figures"),
                  text="Your message was displayed on the recipient's computer.",
                  fields=("Final-Recipient: rfc822; jane@example.org",
                          "Disposition: manual-action/MDN-sent-manually; displayed"))
    assert kind(text, general_ruleset) == "receipt"


def test_a_sieve_reject_sent_as_a_disposition_notification_is_a_bounce(general_ruleset):
    # RFC 5429: Sieve's "reject" answers with an MDN whose disposition is "deleted"
    text = report(report_type="disposition-notification",
                  headers=("From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>", "To: sender@example.com",
                           "Subject: Automatically rejected mail", "Auto-Submitted: auto-replied (rejected)"),
                  text="Your message to <jane@example.org> was automatically rejected:\n"
                       "Quota exceeded (mailbox for user is full)",
                  fields=("Final-Recipient: rfc822; jane@example.org",
                          "Disposition: automatic-action/MDN-sent-automatically; deleted"))
    d = bounce_diagnose(text=text, ruleset=general_ruleset)
    assert [(r.recipient, r.category) for r in d.results] == [("jane@example.org", "mailboxfull")]


def test_a_delivery_report_where_every_recipient_was_delivered_is_a_receipt(general_ruleset):
    text = report(report_type="delivery-status",
                  headers=("From: postmaster@example.org", "To: sender@example.com",
                           "Subject: Delivered: Quarterly figures"),
                  text="Your message has been delivered to the following recipients: jane@example.org",
                  fields=("Reporting-MTA: dns; mx.example.org", "", "Final-Recipient: rfc822; jane@example.org",
                          "Action: delivered", "Status: 2.0.0"))
    assert kind(text, general_ruleset) == "receipt"


def test_an_ordinary_reply_is_not_a_bounce(general_ruleset):
    text = eml("From: Jane Doe <jane@example.org>", "To: sender@example.com", "Subject: Re: lunch",
               "Message-ID: <r1@example.org>", "In-Reply-To: <q1@example.com>", "",
               "Sure, see you at noon at the usual place.")
    assert kind(text, general_ruleset) == "ordinary_message"


def test_a_forwarded_bounce_is_read_not_called_an_ordinary_message(general_ruleset):
    text = eml("From: Jane Doe <jane@example.org>", "To: help@example.com",
               "Subject: Fwd: Undeliverable: Quarterly figures", "",
               "Can you tell me what this means?", "",
               "Delivery has failed to these recipients or groups:",
               "bob@example.net",
               "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'")
    d = bounce_diagnose(text=text, ruleset=general_ruleset)
    assert d.not_a_bounce is None
    assert [(r.recipient, r.category) for r in d.results] == [("bob@example.net", "userunknown")]


@pytest.mark.parametrize("text", ["hello", "Thanks for your mail, see you on Monday!", "bonjour à tous"])
def test_words_that_report_no_failure_are_not_a_bounce(general_ruleset, text):
    assert kind(text, general_ruleset) == "no_bounce_text"


@pytest.mark.parametrize("text", ["temporary failure", "Votre message n'a pas pu être remis."])
def test_a_failure_that_names_no_reason_is_on_hold_not_a_guess(general_ruleset, text):
    results = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert [r.category for r in results] == ["onhold"]


def test_no_dev_corpus_bounce_is_called_something_else(general_ruleset):
    emails = sorted((CORPUS / "emails").glob("*.eml"))
    assert len(emails) == 224
    called = [p.name for p in emails if bounce_diagnose(text=p.read_bytes(), ruleset=general_ruleset).not_a_bounce]
    assert called == []


def test_a_pasted_out_of_office_reply_is_told_apart(general_ruleset):
    assert kind("Réponse automatique : je suis absent jusqu'au 5 janvier", general_ruleset) == "auto_reply"
