"""Reading bounces: bare replies, RFC 3464 reports, the plain-text reports of the big MTAs."""

from __future__ import annotations

import base64
import quopri

from troubleshoot.diagnosis import bounce_diagnose

from .conftest import eml


def one(text, ruleset):
    results = bounce_diagnose(text=text, ruleset=ruleset).results
    assert len(results) == 1, [r.to_dict() for r in results]
    return results[0]


# -- bare SMTP replies -----------------------------------------------------------------------------

def test_bare_reply_gives_one_result_without_recipient(general_ruleset):
    r = one("550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in local recipient table",
            general_ruleset)
    assert r.recipient is None
    assert r.reply_code == "550"
    assert r.status == "5.1.1"
    assert r.permanent is True
    assert r.category == "userunknown"


def test_multiline_reply_is_joined_before_matching(general_ruleset):
    text = ("553-Message filtered. Please see the FAQs section on spam at\r\n"
            "553-http://www.messagelabs.com/support/ for more information.\r\n"
            "553 (#5.7.1)\r\n")
    r = one(text, general_ruleset)
    assert r.diagnostic_text.startswith("553-Message filtered. Please see the FAQs section on spam at http://")
    assert "553-http" not in r.diagnostic_text and "553 (#5.7.1)" not in r.diagnostic_text
    assert r.reply_code == "553"
    assert r.status == "5.7.1"
    assert r.category == "spamdetected"


def test_temporary_reply_is_not_permanent(general_ruleset):
    r = one("421 4.7.0 Try again later, closing connection.", general_ruleset)
    assert r.permanent is False
    assert r.status == "4.7.0"


def test_reply_without_codes_has_unknown_permanence(general_ruleset):
    r = one("Sorry, your IP address (192.0.2.7) has been blocked", general_ruleset)
    assert r.permanent is None
    assert r.status is None and r.reply_code is None
    assert "192.0.2.7" in r.ips


# -- RFC 3464 ---------------------------------------------------------------------------------------

DSN_TWO = eml(
    "From: MAILER-DAEMON@mail.example.net (Mail Delivery System)",
    "To: sender@example.net",
    "Subject: Undelivered Mail Returned to Sender",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="XYZ"',
    "",
    "--XYZ",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mail.example.net.",
    "",
    "<first@example.org>: host mx.example.org[198.51.100.5] said: 550 5.1.1",
    "    <first@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO",
    "    command)",
    "",
    "<second@example.com>: host mx.example.com[203.0.113.9] said: 552 5.2.2",
    "    <second@example.com>: Mailbox full (in reply to RCPT TO command)",
    "",
    "--XYZ",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mail.example.net",
    "X-Postfix-Queue-ID: 1234",
    "",
    "Final-Recipient: rfc822; first@example.org",
    "Action: failed",
    "Status: 5.1.1",
    "Remote-MTA: dns; mx.example.org",
    "Diagnostic-Code: smtp; 550 5.1.1 <first@example.org>: Recipient address rejected:",
    "    User unknown",
    "",
    "Final-Recipient: rfc822; second@example.com",
    "Action: failed",
    "Status: 5.2.2",
    "Remote-MTA: dns; mx.example.com",
    "Diagnostic-Code: smtp; 552 5.2.2 <second@example.com>: Mailbox full",
    "",
    "--XYZ",
    "Content-Type: message/rfc822",
    "",
    "From: sender@example.net",
    "To: first@example.org, second@example.com",
    "Subject: hello",
    "",
    "Final-Recipient: rfc822; not-a-recipient@example.invalid",
    "--XYZ--",
)


def test_dsn_gives_each_failed_recipient_in_report_order(general_ruleset):
    d = bounce_diagnose(text=DSN_TWO, ruleset=general_ruleset)
    assert [r.recipient for r in d.results] == ["first@example.org", "second@example.com"]
    first, second = d.results
    assert (first.status, first.reply_code, first.category) == ("5.1.1", "550", "userunknown")
    assert (second.status, second.reply_code, second.category) == ("5.2.2", "552", "mailboxfull")
    assert first.reporting_mta == "mail.example.net"
    assert first.remote_mta == "mx.example.org"
    assert first.command == "RCPT"
    assert first.passed_on is True
    assert "example.org" in first.domains


def test_returned_message_is_ignored(general_ruleset):
    d = bounce_diagnose(text=DSN_TWO, ruleset=general_ruleset)
    assert all(r.recipient != "not-a-recipient@example.invalid" for r in d.results)


def test_crlf_and_lf_read_the_same(general_ruleset):
    lf = bounce_diagnose(text=DSN_TWO, ruleset=general_ruleset).to_dict()
    crlf = bounce_diagnose(text=DSN_TWO.replace(b"\n", b"\r\n"), ruleset=general_ruleset).to_dict()
    assert lf == crlf


def test_to_dict_has_the_contract_fields(general_ruleset):
    d = bounce_diagnose(text=DSN_TWO, ruleset=general_ruleset).to_dict()
    assert set(d) == {"results"}
    for r in d["results"]:
        for key in ("recipient", "category", "article", "permanent", "status", "reply_code", "confidence",
                    "evidence", "low_confidence", "alternatives", "diagnostic_text", "reporting_mta",
                    "remote_mta", "ips", "domains", "passed_on", "matched_by"):
            assert key in r
        assert 0 <= r["confidence"] <= 1
        assert isinstance(r["evidence"], list) and r["evidence"]
        assert r["matched_by"] in ("signature", "category_rule", "status_code", "none")


def test_base64_and_quoted_printable_parts_are_decoded(general_ruleset):
    note = ("<jane@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.1 Message rejected "
            "as spam by Content Filtering (in reply to end of DATA command)\n")
    b64 = base64.encodebytes(note.encode()).decode()
    qp = quopri.encodestring(("Réponse: " + note).encode("utf-8")).decode()
    for cte, body in (("base64", b64), ("quoted-printable", qp)):
        msg = eml(
            "From: MAILER-DAEMON@example.net", "Subject: Undelivered Mail", "MIME-Version: 1.0",
            'Content-Type: multipart/mixed; boundary="b"', "", "--b",
            'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: " + cte, "", body, "--b--")
        r = one(msg, general_ruleset)
        assert r.recipient == "jane@example.org"
        assert r.category == "spamdetected"
        assert r.command == "DATA"


def test_html_only_report_is_read(general_ruleset):
    msg = eml(
        "From: postmaster@example.net", "Subject: Undeliverable", "MIME-Version: 1.0",
        "Content-Type: text/html; charset=utf-8", "",
        "<html><body><p>Delivery has failed to these recipients or groups:</p>",
        "<p><a href='mailto:jane@example.org'>jane@example.org</a></p>",
        "<p>Remote Server returned '550 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'</p>",
        "</body></html>")
    r = one(msg, general_ruleset)
    assert r.recipient == "jane@example.org"
    assert r.category == "mailboxfull"
    assert r.status == "5.2.2"


# -- plain-text reports of the big MTAs -------------------------------------------------------------

def test_postfix_plain_text_report(general_ruleset):
    msg = eml(
        "From: MAILER-DAEMON@relay.example.net (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender", "To: me@example.net", "",
        "This is the mail system at host relay.example.net.", "",
        "I'm sorry to have to inform you that your message could not",
        "be delivered to one or more recipients. It's attached below.", "",
        "                   The mail system", "",
        "<bob@example.com>: host mx.example.com[192.0.2.9] said: 554 5.7.1",
        "    <bob@example.com>: Relay access denied (in reply to RCPT TO command)")
    r = one(msg, general_ruleset)
    assert (r.recipient, r.category, r.reply_code, r.status) == ("bob@example.com", "norelaying", "554", "5.7.1")
    assert r.remote_mta == "mx.example.com"
    assert "192.0.2.9" in r.ips


def test_exim_report_with_several_recipients(general_ruleset):
    msg = eml(
        "From: Mail Delivery System <Mailer-Daemon@mx.example.net>",
        "Subject: Mail delivery failed: returning message to sender",
        "X-Failed-Recipients: a@example.org, b@example.com",
        "",
        "This message was created automatically by mail delivery software.", "",
        "A message that you sent could not be delivered to one or more of its",
        "recipients. This is a permanent error. The following address(es) failed:", "",
        "  a@example.org",
        "    host mx.example.org [192.0.2.20]",
        "    SMTP error from remote mail server after RCPT TO:<a@example.org>:",
        "    550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
        "  b@example.com",
        "    host mx.example.com [198.51.100.2]",
        "    SMTP error from remote mail server after MAIL FROM:<me@example.net> SIZE=1543:",
        "    550 5.7.1 Client host rejected: cannot find your reverse hostname, [203.0.113.4]", "",
        "------ This is a copy of the message, including all the headers. ------",
        "From: me@example.net", "To: c@example.org")
    d = bounce_diagnose(text=msg, ruleset=general_ruleset)
    assert [r.recipient for r in d.results] == ["a@example.org", "b@example.com"]
    assert [r.category for r in d.results] == ["userunknown", "requireptr"]
    assert [r.command for r in d.results] == ["RCPT", "MAIL"]


def test_sendmail_transcript(general_ruleset):
    msg = eml(
        "From: Mail Delivery Subsystem <MAILER-DAEMON@example.net>",
        "Subject: Returned mail: see transcript for details", "",
        "The original message was received at Thu, 29 Apr 2010 23:34:45 +0900",
        "from localhost [127.0.0.1]", "",
        "   ----- The following addresses had permanent fatal errors -----",
        "<kim@example.org>",
        "    (reason: 550 5.2.2 <kim@example.org>... Mailbox full)", "",
        "   ----- Transcript of session follows -----",
        "... while talking to mx.example.org.:",
        ">>> RCPT To:<kim@example.org>",
        "<<< 550 5.2.2 <kim@example.org>... Mailbox full",
        "554 5.0.0 Service unavailable")
    r = one(msg, general_ruleset)
    assert (r.recipient, r.category, r.command) == ("kim@example.org", "mailboxfull", "RCPT")
    assert r.reply_code == "550"


def test_qmail_report(general_ruleset):
    msg = eml(
        "From: MAILER-DAEMON@example.net", "Subject: failure notice", "",
        "Hi. This is the qmail-send program at example.net.",
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        "This is a permanent error; I've given up. Sorry it didn't work out.", "",
        "<lee@example.org>:",
        "192.0.2.9 does not like recipient.",
        "Remote host said: 550 5.1.1 <lee@example.org>... User Unknown",
        "Giving up on 192.0.2.9.", "",
        "--- Below this line is a copy of the message.", "",
        "Return-Path: <me@example.net>", "To: lee@example.org")
    r = one(msg, general_ruleset)
    assert (r.recipient, r.category, r.command) == ("lee@example.org", "userunknown", "RCPT")


def test_office365_report_in_english(general_ruleset):
    msg = eml(
        "From: Microsoft Outlook <postmaster@contoso.onmicrosoft.com>", "Subject: Undeliverable: Meeting",
        "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "",
        "Your message to jane@contoso.com couldn't be delivered.",
        "jane wasn't found at contoso.com.", "",
        "Diagnostic information for administrators:", "",
        "Generating server: AM0PR01MB1234.eurprd01.prod.outlook.com", "",
        "jane@contoso.com",
        "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP "
        "address lookup'")
    r = one(msg, general_ruleset)
    assert r.recipient == "jane@contoso.com"
    assert r.category == "userunknown"
    assert r.status == "5.1.10"


def test_office365_report_in_french(general_ruleset):
    body = ("Remise impossible aux destinataires ou groupes suivants :\n\n"
            "jean.dupont@contoso.fr<mailto:jean.dupont@contoso.fr>\n"
            "L'adresse de messagerie que vous avez entrée est introuvable. Vérifiez l'adresse de messagerie "
            "du destinataire et réessayez.\n\n"
            "Informations de diagnostic pour les administrateurs :\n\n"
            "Serveur de génération : PR1P264MB1234.FRAP264.PROD.OUTLOOK.COM\n\n"
            "jean.dupont@contoso.fr\n"
            "Le serveur distant a retourné '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n")
    msg = eml("From: Microsoft Outlook <postmaster@contoso.fr>", "Subject: =?utf-8?q?Non_remis=C2=A0=3A_R=C3=A9union?=",
              "MIME-Version: 1.0", 'Content-Type: text/plain; charset="utf-8"',
              "Content-Transfer-Encoding: quoted-printable", "",
              quopri.encodestring(body.encode("utf-8")).decode())
    r = one(msg, general_ruleset)
    assert r.recipient == "jean.dupont@contoso.fr"
    assert r.category == "userunknown"
    assert (r.reply_code, r.status) == ("550", "5.1.1")
    assert r.diagnostic_text.startswith("550 5.1.1 RESOLVER.ADR.RecipNotFound")


def test_gmail_report(general_ruleset):
    msg = eml(
        "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        "Subject: Delivery Status Notification (Failure)", "",
        "Delivery to the following recipient failed permanently:", "",
        "     kim@example.com", "",
        "Technical details of permanent failure: ",
        "Google tried to deliver your message, but it was rejected by the recipient domain. We recommend "
        "contacting the other email provider for further information about the cause of this error. The error "
        "that the other server returned was: 554 554 5.7.1 Service unavailable; Client host [192.0.2.49] "
        "blocked using zen.spamhaus.org (state 13).", "",
        "----- Original message -----", "", "To: kim@example.com")
    r = one(msg, general_ruleset)
    assert (r.recipient, r.category) == ("kim@example.com", "blocked")
    assert r.passed_on is True
    assert "192.0.2.49" in r.ips


def test_yahoo_report(general_ruleset):
    msg = eml(
        "From: MAILER-DAEMON@yahoo.com", "Subject: Failure Notice", "",
        "Sorry, we were unable to deliver your message to the following address.", "",
        "<kim@example.co.jp>:", "Remote host said:", "550 5.2.2 <kim@example.co.jp>... Mailbox Full", "[RCPT_TO]",
        "", "--- Below this line is a copy of the message.")
    r = one(msg, general_ruleset)
    assert (r.recipient, r.category, r.command) == ("kim@example.co.jp", "mailboxfull", "RCPT")


def test_report_pasted_without_headers(general_ruleset):
    paste = ("This is the mail system at host relay.example.net.\n\n"
             "I'm sorry to have to inform you that your message could not\n"
             "be delivered to one or more recipients.\n\n"
             "<ana@example.org>: host mx.example.org[192.0.2.3] said: 550 5.7.26 Unauthenticated email from\n"
             "    example.net is not accepted due to domain's DMARC policy (in reply to end of DATA command)\n")
    r = one(paste, general_ruleset)
    assert (r.recipient, r.category, r.status) == ("ana@example.org", "authfailure", "5.7.26")


def test_pasted_dsn_fields_are_read(general_ruleset):
    paste = ("Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; ana@example.org\nAction: failed\n"
             "Status: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n")
    r = one(paste, general_ruleset)
    assert (r.recipient, r.category, r.reporting_mta) == ("ana@example.org", "mailboxfull", "mail.example.net")


def test_report_forwarded_inside_a_message_is_read_once(general_ruleset):
    inner = DSN_TWO.decode()
    outer = eml("From: colleague@example.net", "To: helpdesk@example.net", "Subject: Fwd: bounce",
                "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="outer"', "", "--outer",
                "Content-Type: text/plain", "", "Can you tell me what this means?", "", "--outer",
                "Content-Type: message/rfc822", "", inner, "--outer--")
    d = bounce_diagnose(text=outer, ruleset=general_ruleset)
    assert [r.recipient for r in d.results] == ["first@example.org", "second@example.com"]
    assert [r.category for r in d.results] == ["userunknown", "mailboxfull"]


def test_delayed_notice_is_expired(general_ruleset):
    msg = eml(
        "From: MAILER-DAEMON@example.net", "Subject: Delayed Mail (still being retried)", "MIME-Version: 1.0",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="d"', "", "--d",
        "Content-Type: text/plain", "", "Your message could not be delivered for more than 4 hour(s).", "", "--d",
        "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; example.net", "",
        "Final-Recipient: rfc822; kim@example.org", "Action: delayed", "Status: 4.4.1",
        "Diagnostic-Code: X-Postfix; connect to mx.example.org[192.0.2.8]:25: Connection timed out", "--d--")
    r = one(msg, general_ruleset)
    assert r.category == "expired"
    assert r.permanent is False
    assert r.passed_on is False


def test_a_bounce_forwarded_as_the_whole_message_is_read(general_ruleset):
    msg = eml("From: colleague@example.net", "Subject: Fwd: bounce", "MIME-Version: 1.0",
              "Content-Type: message/rfc822", "", DSN_TWO.decode())
    d = bounce_diagnose(text=msg, ruleset=general_ruleset)
    assert [r.recipient for r in d.results] == ["first@example.org", "second@example.com"]
