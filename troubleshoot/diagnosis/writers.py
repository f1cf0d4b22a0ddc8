"""Who writes bounce reports, and the wordings each writer is known to produce.

The plain-text reader (:mod:`.plaintext`) needs, for every family of report, a few wordings by role:
where the returned copy of the message starts, what introduces the server's diagnostic, how the SMTP
stage is shown, which lines are boilerplate... Each :class:`Writer` below holds the wordings of one
family (one MTA, or one provider's notices), with ``source`` saying where they come from: the MTA's
own source and templates, a provider's published notices, or, when neither is at hand, Sisimai's
reader for that family (``lhost/via-*.go`` in go-sisimai, ``Sisimai/Lhost/*.pm`` in p5-sisimai,
https://github.com/sisimai, BSD 2-Clause), which quotes them. The last entry, "Generic", holds the
wordings of RFC 3463/5321 reports and of servers that have no entry of their own.

:mod:`.plaintext` joins the fragments of every writer, in registry order, into one alternation per
role; so today every writer's wordings are tried on every report. The order of writers does not
change what is found: the reader uses only where a copy start, noise or passed-on match begins (or
whether there is one), and no two diagnostic lead-ins or boilerplate fragments can match at the same
place. The exception is ``stage``, where :func:`.plaintext.detect_command` answers with the first
pattern that a text matches; each :class:`Stage` therefore carries its ``rank`` in that one global
order. A new lead-in or boilerplate fragment that can match where another one does (one a prefix of
the other) must keep that property, or the pattern be given an explicit order like ``stage``.

To add a writer: add one ``Writer(...)`` entry before "Generic", with its ``source`` and a comment on
each fragment saying why (the template line it reads); give a new stage pattern the rank it should
take among the others (and shift the ranks after it). A fragment is a regex fragment for RE2, matched
case-insensitively, that must not contain a capturing group, except a stage pattern whose ``command``
is None: its group 1 names the command. In ``copy_starts`` and ``boilerplate``, ``^`` and ``$`` are
line anchors. ``recipient_leadins`` are plain lower-case text, not regexes: what may end the text in
front of a recipient's address on its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Stage(NamedTuple):
    """How a writer shows the SMTP stage a refusal answered."""

    pattern: str
    command: str | None  # the command this wording always means; None: group 1 names it
    rank: int  # place among all writers' stage patterns; detect_command takes the first that matches


@dataclass(frozen=True)
class Writer:
    """One family of reports: its name, where its wordings come from, and its wordings by role."""

    name: str
    source: str
    copy_starts: tuple[str, ...] = ()  # where the returned copy of the message starts (at a line start)
    diagnostic_leadins: tuple[str, ...] = ()  # what introduces the server's diagnostic
    stage: tuple[Stage, ...] = ()  # how the SMTP stage is shown
    passed_on: tuple[str, ...] = ()  # the text passes on what another server replied
    boilerplate: tuple[str, ...] = ()  # lines that say nothing about this failure
    noise: tuple[str, ...] = ()  # where a diagnostic sentence has ended
    recipient_leadins: tuple[str, ...] = ()  # plain text that may precede a failed address


WRITERS: tuple[Writer, ...] = (
    Writer(
        name="Postfix",
        source="postfix/src/bounce/bounce_notify_util.c and the bounce templates (bounce.cf.default), "
               "smtp/smtp_proto.c; Sisimai lhost/via-postfix.go:32-53, 150-301",
        copy_starts=(
            r"undelivered message headers",  # bounce_notify_util.c: Content-Description of a headers-only copy
        ),
        diagnostic_leadins=(
            r"\bsaid:",  # smtp_proto.c:2266 "host %s said: %s (in reply to %s)" (qmail's "Remote host said:" too)
        ),
        stage=(
            Stage(r"in reply to (?:the )?(rcpt to|rcpt|mail from|mail|end of data|data|helo|ehlo|starttls|auth|"
                  r"connect)\b", None, 0),  # smtp_proto.c:2266 "(in reply to %s)", e.g. "RCPT TO command"
            Stage(r"refused to talk to me", "CONN", 11),  # smtp_proto.c:383 "host %s refused to talk to me: %s"
            # smtp_connect.c: "connect to %s[%s]:%d: %m" (Connection refused / timed out): no SMTP reply at all,
            # the failure is at the connection; Gmail's delay/failure notice says the same in its own words
            # ("The recipient server did not accept our requests to connect", support.google.com/mail/answer/7720)
            Stage(r"\bconnect to \S+: connection (?:refused|timed out)|did not accept our requests to connect",
                  "CONN", 13),
        ),
        passed_on=(
            r"\bhost \S+ said:",  # smtp_proto.c:2266
            r"refused to talk to me",  # smtp_proto.c:383
            r"\bsaid: [245]\d\d",  # smtp_proto.c:2266, the reply quoted after "said:"
        ),
        boilerplate=(
            # bounce.cf.default, failure template: "This is the mail system at host %s." ... "I'm sorry to have
            # to inform you that your message could not be delivered to one or more recipients. It's attached
            # below." "For further assistance, please send mail to postmaster." "If you do so, please include
            # this problem report. You can delete your own text from the attached returned message."
            # "The mail system" / "The Postfix program" head the per-recipient part.
            r"i'm sorry to have to inform you",
            r"it's attached below",
            r"for further assistance",
            r"if you do so, please include",
            r"delete your own text",
            r"^\s*the (?:mail system|postfix program)\s*$",
            r"this is the (?:mail system|postfix program) at",
        ),
        noise=(
            r"\(in reply to [a-z ]{2,20} command\)",  # smtp_proto.c:2266, after the quoted reply
        ),
    ),
    Writer(
        name="Exim",
        source="exim/src/deliver.c (bounce and warning texts), transports/smtp.c; "
               "Sisimai lhost/via-exim.go:71-174, 216-222",
        copy_starts=(
            # deliver.c:6424 "------ This is a copy of the message, including all the headers. ------"
            r"this is a copy of (?:the|your) message",
            # MXLogic, an Exim-based service that Sisimai reads with Exim (via-exim.go:76)
            r"included is a copy of the message",
        ),
        diagnostic_leadins=(
            r"delay reason:",  # deliver.c:7459 warning "Delay reason: "
        ),
        stage=(
            # transports/smtp.c "SMTP error from remote mail server after RCPT TO:<a>:", "after end of data:",
            # "after initial connection:" (via-exim.go:222); check_response() puts "pipelined " before the
            # command when PIPELINING was used ("after pipelined RCPT TO:<a>", "... MAIL FROM:<a> SIZE=n"),
            # and smtp_command is whatever was last sent, AUTH included
            Stage(r"\bafter (?:pipelined )?(rcpt to|rcpt|mail from|mail|end of data|data|initial connection|ehlo|"
                  r"helo|starttls|auth|connection|banner)\b", None, 1),
        ),
        passed_on=(
            r"smtp error from remote",  # "SMTP error from remote mail server after ..." (via-exim.go:97)
        ),
        boilerplate=(
            # deliver.c:6293-6305 "This message was created automatically by mail delivery software."
            # "A message that you sent could not be delivered to one or more of its recipients. This is a
            # permanent error. The following address(es) failed:"; "... to all of its recipients" (via-exim.go:104);
            # warning: "A message that you sent has not yet been delivered to one or more of its recipients"
            r"this message was created automatically",
            r"a message that you sent (?:could not|has not yet) be",
            r"could not be delivered to (?:one or more|all of its)",  # Postfix's line matches too
            r"this is a permanent error",  # qmail's "This is a permanent error; I've given up." matches too
            r"address(?:\(es\))? failed",
        ),
        noise=(
            r"no action is required on your part",  # deliver.c:7475, warning
            r"this is a permanent error\.",  # deliver.c:6298
        ),
    ),
    Writer(
        name="Sendmail",
        source="sendmail/savemail.c (errbody), deliver.c; Sisimai lhost/via-sendmail.go:29-50, 119-171, "
               "via-v5sendmail.go:28-115",
        copy_starts=(
            r"unsent message follows",  # V5 Sendmail "----- Unsent message follows -----" (via-v5sendmail.go:28)
        ),
        diagnostic_leadins=(
            r"\(reason:",  # DSN summary "<a>  (reason: 550 5.1.1 User unknown)" under "The following addresses had"
        ),
        passed_on=(
            r"while talking to",  # "... while talking to mx.example.org.:" (via-sendmail.go:49)
            r"<<<",  # transcript: ">>> RCPT To:<a>" then the server's "<<< 550 ..." (Courier writes the same)
        ),
        boilerplate=(
            # savemail.c, warning banner "THIS IS A WARNING MESSAGE ONLY" / "YOU DO NOT NEED TO RESEND YOUR
            # MESSAGE" (Gmail's legacy DSN copies both, via-gmail.go:43-45; Postfix's delay notice has the second)
            r"this is a warning message only",
            r"you do not need to resend",
            # savemail.c: "The original message was received at <date>" / "from host [ip]" / "with id <qid>",
            # "----- The following addresses had permanent fatal errors -----",
            # "----- Transcript of session follows -----" (savemail.c:1040)
            r"the original message was received at",
            r"^\s*from \S+ \[",
            r"^\s*with id ",
            r"the following addresses had",
            r"transcript of session follows",
        ),
    ),
    Writer(
        name="qmail",
        source="qmail-send.c (bounce text), qmail-remote.c (per-stage messages), and its forks (netqmail, "
               "notqmail, indimail-mta); Sisimai lhost/via-qmail.go:30-111, 184-256",
        copy_starts=(
            r"below this line is a copy of the message",  # qmail-send.c "--- Below this line is a copy of the message."
            r"enclosed is a copy of the message",  # indimail-mta "--- Enclosed is a copy of the message."
        ),
        diagnostic_leadins=(
            r"remote host said:",  # qmail-remote.c "Remote host said: 550 ..."
        ),
        stage=(
            # qmail-remote.c: "<host> does not like recipient.", "Connected to <host> but sender was rejected.",
            # "... but my name was rejected.", "<host> failed on DATA command." / "failed after I sent the
            # message.", "Connected to <host> but greeting failed." (via-qmail.go:60-92)
            Stage(r"does not like recipient", "RCPT", 6),
            Stage(r"sender was rejected", "MAIL", 7),
            Stage(r"my name was rejected", "HELO", 8),
            Stage(r"failed after i sent the message|failed on data command", "DATA", 9),
            Stage(r"but greeting failed", "CONN", 10),
        ),
        passed_on=(
            r"remote host said",
            r"does not like recipient",
            r"failed after i sent",
            r"sender was rejected",
        ),
        boilerplate=(
            # qmail-send.c: "Hi. This is the qmail-send program at <host>." "I'm afraid I wasn't able to deliver
            # your message to the following addresses." "This is a permanent error; I've given up. Sorry it
            # didn't work out."
            r"^hi\. this is the",
            r"i'm afraid i wasn't able to deliver",
            r"sorry it didn't work out",
        ),
        noise=(
            r"giving up on \S+\.",  # qmail-remote.c "Giving up on <ip>."
            r"i'm not going to try again",  # qmail-send.c "I'm not going to try again; this message has been in ..."
            r"--- below this line",  # the copy's separator, when it follows the diagnostic on the same line
        ),
    ),
    Writer(
        name="Exchange / Office 365",
        source="Exchange 2007+ and Exchange Online NDR template in its languages (learn.microsoft.com, "
               "'Email non-delivery reports and SMTP errors in Exchange Online'); Exchange 2003; "
               "Sisimai lhost/via-exchange2007.go:29-171, via-exchange2003.go:61-160, p5 Lhost/Office365.pm:46-73",
        copy_starts=(
            r"intestazioni originali del messaggio",  # it (via-exchange2007.go:41)
            r"en-t[eê]tes? (?:du|de) message",  # fr: "En-têtes de message d'origine :" (via-exchange2007.go:40)
            r"original message header",  # en: "Original message headers:" (via-exchange2007.go:38-39)
            r"message d'origine",  # fr, same line
        ),
        diagnostic_leadins=(
            r"remote server returned",  # "Remote Server returned '550 5.1.1 ...'" (via-exchange2007.go:131)
            r"le serveur (?:distant|de destination) a (?:retourn[ée]|renvoy[ée])",  # fr of the above
        ),
        passed_on=(
            r"remote server returned",
            r"reported error",  # Exchange Online admin section: "Reported error: 550 5.7.57 ..."
            r"external email server returned",  # "... the external email server returned the error below."
            r"l'organisation suivante a rejet",  # fr of the next
            r"the following organization rejected",  # "The following organization rejected your message: <host>."
        ),
        boilerplate=(
            r"did not reach (?:some or all|the following)",  # Exchange 2003 "did not reach the following recipient(s):"
            r"delivery has failed to these recipients",  # "Delivery has failed to these recipients or groups:"
            r"diagnostic information for administrators",  # via-exchange2007.go:48
            r"^\s*generating server:",  # "Generating server: <host>" (via-exchange2007.go:55)
            r"remise impossible aux destinataires",  # fr: "Remise impossible aux destinataires ou groupes suivants :"
            r"informations de diagnostic pour les administrateurs",  # fr (via-exchange2007.go:49)
            r"^\s*serveur de g[ée]n[ée]ration ?:",  # fr: "Serveur de génération :"
            r"votre message n'a pas pu [êe]tre remis",  # fr: "Votre message à <a> n'a pas pu être remis."
        ),
        noise=(
            r"for email admins",  # "More Info for Email Admins", after the user-facing explanation
        ),
    ),
    Writer(
        name="Gmail / Google Workspace",
        source="Gmail's legacy DSN and current 'Address not found' / 'Message not delivered' notices, Google "
               "Groups; Sisimai lhost/via-gmail.go:30-93, via-googleworkspace.go:31-65, via-googlegroups.go:45-51",
        copy_starts=(
            r"original message -+$",  # "----- Original message -----" (via-gmail.go:75, via-googlegroups.go:51)
        ),
        diagnostic_leadins=(
            r"the error that the other server returned was:",  # legacy DSN (via-gmail.go:39)
            r"the response (?:from the remote server )?was:",  # current notice (via-googleworkspace.go:34)
            r"technical details of (?:permanent|temporary) failure:",  # legacy DSN (via-gmail.go:35, 53)
        ),
        passed_on=(
            r"the other server returned",
            r"rejected by the recipient domain",  # "... but it was rejected by the recipient domain" (via-gmail.go:93)
            r"the response from the remote server",
        ),
        boilerplate=(
            r"automatically generated delivery status notification",  # via-gmail.go:30
            r"following recipients? failed",  # "Delivery to the following recipient failed permanently:"
            r"delivery to the following recipient",  # ... "failed permanently:" / "has been delayed:"
        ),
        noise=(
            r"if you have questions",  # Google Groups "If you have questions related to this ..."
            r"learn more here:",  # "Learn more here: https://support.google.com/..." (via-googleworkspace.go:64)
        ),
        recipient_leadins=(
            "wasn't delivered to",  # "Your message wasn't delivered to <a> because the address couldn't be found"
        ),
    ),
    Writer(
        name="Yahoo",
        source="Yahoo's qmail-derived notices; p5 Sisimai Lhost/Yahoo.pm:27-79; flufl.bounce samples yahoo_01-10",
        stage=(
            Stage(r"\[(rcpt_to|mail_from|data)\]", None, 3),  # "Remote host said: 550 ... [RCPT_TO]" (Yahoo.pm:50)
        ),
        boilerplate=(
            # "Sorry, we were unable to deliver your message to the following address."
            r"unable to deliver (?:the )?message to the following",
        ),
    ),
    Writer(
        name="Domino / Notes",
        source="HCL (Lotus) Domino and Notes reports; Sisimai lhost/via-domino.go:26-112, via-notes.go:22-56",
        copy_starts=(
            r"returned message",  # Notes "------- Returned Message --------" (via-notes.go:25)
        ),
        diagnostic_leadins=(
            r"\bbecause:",  # Domino "was not delivered to: <a> because: <reason>" (via-domino.go:83)
        ),
    ),
    Writer(
        name="OpenSMTPD",
        source="OpenSMTPD smtpd/bounce.c; Sisimai lhost/via-opensmtpd.go:40-96",
        copy_starts=(
            r"below is a copy of the original",  # "Below is a copy of the original message:" (via-opensmtpd.go:40)
            r"copy of the original message",
        ),
        boilerplate=(
            # "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail." (via-opensmtpd.go:46)
            r"please do not reply",
            r"do not reply to this",
        ),
        noise=(
            r"please note that this is only a temporary",  # delay notice (via-opensmtpd.go:57)
        ),
    ),
    Writer(
        name="Courier",
        source="Courier MTA courier/module.dsn; Sisimai lhost/via-courier.go:28-133",
        noise=(
            # "If your message was also sent to additional recipients, their delivery status is not included
            # in this report." (lhost-courier-02.eml)
            r"if your message was also sent to additional",
        ),
    ),
    Writer(
        name="DragonFly",
        source="DragonFly Mail Agent (dma) net.c, dma.c; Sisimai lhost/via-dragonfly.go:39-103",
        copy_starts=(
            r"message headers follow",  # "Message headers follow." (via-dragonfly.go:39)
        ),
        stage=(
            # net.c "remote delivery failed: <host> [ip] did not like our RCPT TO:" / "... our final DATA"
            Stage(r"did not like our (rcpt to|mail from|final data|data|ehlo|helo)", None, 2),
        ),
        passed_on=(
            r"did not like our",
        ),
        noise=(
            r"message headers follow",
        ),
        recipient_leadins=(
            "delivering your mail to",  # "There was an error delivering your mail to <a>." (via-dragonfly.go:80)
        ),
    ),
    Writer(
        name="InterScan MSS",
        # Its transcript ("Sent <<< RCPT TO:<a>" / "Received >>> 550 ...") is read with Sendmail's by
        # plaintext._TRANSCRIPT_CMD_RE; its "Unable to deliver message to <a>" by Generic's "message to".
        source="Trend Micro InterScan Messaging Security Suite; Sisimai lhost/via-interscanmss.go:26-95",
    ),
    Writer(
        name="Amazon SES",
        source="SES notices from MAILER-DAEMON@email-bounces.amazonses.com (lhost-amazonses-02.eml); "
               "Sisimai lhost/via-amazonses.go",
        diagnostic_leadins=(
            r"the reason for the problem:",  # "The following message to <a> was undeliverable. The reason for ..."
        ),
    ),
    Writer(
        name="GMX / 1&1",
        source="GMX and 1&1 (IONOS) notices; Sisimai lhost/via-gmx.go:31-69, via-einsundeins.go:28-105",
        copy_starts=(
            r"the header of the original message",  # "--- The header of the original message is following. ---"
        ),
        diagnostic_leadins=(
            r"for the following reason:",  # 1&1 (via-einsundeins.go:31); MailFoundry writes it too
        ),
    ),
    Writer(
        name="French providers (Orange, La Poste, Free...)",
        # Their published notices wrap their replies in the Exchange, Gmail, Postfix or Exim templates (see
        # tests/corpus/notices/notices.jsonl: orange-*, laposte-*, free-*); their own wordings are the SMTP
        # replies, which rules.py reads. A notice wording of their own belongs here.
        source="postmaster.orange.fr (OFR codes), postmaster.free.fr, La Poste LPN codes as quoted in Sisimai "
               "rhost/for-franceptt.go",
    ),
    Writer(
        name="Generic (RFC 3463/5321 wordings and other servers)",
        source="RFC 3464 fields, wordings several writers share, and servers with no entry of their own, "
               "each named beside its fragment",
        copy_starts=(
            # DragonFly and IMail "Original message follows.", Exchange "Original message headers:"
            r"original message (?:follows|headers)",
            r"original mail info",  # mFILTER "-------original mail info" (via-mfilter.go:27)
            r"the original message was:",
            r"----- message text follows",  # Smail 3 "|---- Message text follows: ----|" (flufl simple_04)
            r"a copy of the original message below",  # "A copy of the original message below this line:" (simple_14)
            r"the headers of your message",
            # Apache James and Verizon: "Message details:" then the original's Subject, MAIL FROM, RCPT TO
            # (via-apachejames.go:40-64, via-verizon.go:28)
            r"^\s*message details:\s*$",
            r"the attachment contains the original mail headers",  # unnamed MTA "X6" (via-x6.go:27)
        ),
        diagnostic_leadins=(
            r"\breason:",  # Messaging Server "Reason:" (via-messagingserver.go:70), 1&1 "reason:"
            r"diagnostic[ -]code:",  # RFC 3464 Diagnostic-Code, Messaging Server "Diagnostic code:"
            r"generated response:",  # IMail "Body of message generated response:" (via-imailserver.go:32)
            r"server message",  # mFILTER "-------server message" (via-mfilter.go:30)
            r"failed with:",  # MailFoundry "Server <host> failed with: 550 ..." (via-mailfoundry.go:57)
            r"error_code ?:",  # Zoho "ERROR_CODE :550" (via-zoho.go:52)
            r"\bresponse:",  # IMail/SMTP32 "RCPT TO generated following response:"
            r"could not be delivered because of",  # MailMarshal (via-mailmarshalsmtp.go:31)
            r"\bcause:",
            r"raison ?:",  # fr
            r"motivo:",  # es, it, pt
            r"grund:",  # de
            r"fehler:",  # de
            r"a (?:renvoy[ée]|retourn[ée]) l'erreur(?: suivante)?\s*:?",  # fr "... a renvoyé l'erreur suivante :"
            r"r[ée]ponse du serveur ?:",  # fr
            r"message d'erreur ?:",  # fr
            r"motif ?:",  # fr
            r"erreur ?:",  # fr
        ),
        stage=(
            # Sisimai's unnamed MTA "X3": "SMTP:RCPT host 192.0.2.8: 553 ..." (via-x3.go:62)
            Stage(r"\bsmtp:(rcpt|mail|data|helo|ehlo)\b", None, 4),
            # SendGrid "... User Unknown in RCPT TO" (p5 Lhost/SendGrid.pm:115-126)
            Stage(r"\bin (rcpt to|mail from|data)\b", None, 5),
            # mFILTER "-------SMTP command" with the command on the next line (via-mfilter.go:29)
            Stage(r"smtp command\s+-*\s*(data|rcpt|mail|helo|ehlo)\b", None, 12),
        ),
        passed_on=(
            r"the recipient server .{0,80}reported",
            r"server \S+ failed with",  # MailFoundry (via-mailfoundry.go:57)
            r"remote (?:smtp )?server has rejected",  # Messaging Server "Reason: Remote SMTP server has rejected ..."
            r"remote mta",
            r"remote system:",  # Messaging Server "Remote system: dns;mx.example.org" (via-messagingserver.go:72)
            r"serveur (?:de messagerie )?(?:distant|externe|de destination)",  # fr: Exchange and Gmail alike
            r"a signal[ée] l'erreur",  # fr
        ),
        boilerplate=(
            # Netscape Messaging Server and others: "The following recipients did not receive your message:"
            r"the following recipients? (?:could not be reached|was undeliverable|did not receive)",
            r"^\s*recipients?:\s*$",
            r"your message could not be sent\.?$",  # SurfControl (p5 Lhost/SurfControl.pm:49)
            r"^\s*the following address(?:es)? (?:failed|had)",  # Exim/1&1 "failed:", Sendmail "had ... errors"
            r"^\s*\*+\s*$",  # separator lines
            r"^\s*-+\s*$",
        ),
        noise=(
            r"the following recipients were affected",  # MailMarshal ends its error text so (via-mailmarshalsmtp.go:33)
            r"original message follows",  # Sendmail savemail.c:1362, DragonFly, IMail
            r"this has been a permanent failure",  # MailFoundry "This has been a permanent failure. No further
            r"no further delivery attempts",  # delivery attempts will be made." (via-mailfoundry.go:59)
            r"the mail system will continue to try",  # Messaging Server delay notice (lhost-messagingserver-07.eml)
            # Mail.ru "Рекомендуем Вам проверить ..." (lhost-mailru-02.eml), in Latin letters and in Cyrillic
            r"rekomenduem",
            r"рекомендуем",
            r"please contact your system administrator",
            r"-{5,}",  # separator lines
            r"={6,}",
            r"\*{6,}",
            r"_{8,}",
            r"this is a temporary error",
        ),
        recipient_leadins=(
            # several writers: "Your message to <a> couldn't be delivered" (Office 365), "Unable to deliver
            # message to <a>" (InterScan), "delivering your message to <a>" (Gmail), "rcpt to:<a>" (transcripts)
            "delivered to", "deliver to", "message to", "mail to", "rcpt to", "recipient", "recipients",
            "addressed to", "delivery to", "failed to", "sending to", "not delivered to", "couldn't be delivered to",
            "could not be delivered to", "sent to", "mailbox", "the address", "addressed,",
            "undeliverable to",  # IMail "undeliverable to <a>" (via-imailserver.go:52)
            "local mailbox",  # Mail.ru "Local mailbox <a> is unavailable"
            "destinataire", "empfänger", "adresse", "non remis à", "boîte aux lettres", "l'adresse",  # fr, de
        ),
    ),
)


def fragments(role: str) -> tuple[str, ...]:
    """Every writer's fragments for one role (a field of :class:`Writer`), in registry order."""
    return tuple(f for w in WRITERS for f in getattr(w, role))


def alternation(role: str) -> str:
    """The fragments of one role joined into the body of a regex alternation."""
    return "|".join(fragments(role))


def stage_patterns() -> tuple[tuple[str, str | None], ...]:
    """Every writer's (pattern, fixed command) stage pairs, in rank order."""
    stages = sorted((s for w in WRITERS for s in w.stage), key=lambda s: s.rank)
    if [s.rank for s in stages] != list(range(len(stages))):
        raise ValueError("stage ranks must be 0..n-1, each used once")
    return tuple((s.pattern, s.command) for s in stages)
