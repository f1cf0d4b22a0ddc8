"""Built-in category rules: how mail servers and big providers word each bounce reason.

The idea and much of the vocabulary come from Sisimai's reason lists (``reason/why-*.go`` in
https://github.com/sisimai/go-sisimai, Copyright (C) azumakuniyuki and sisimai development team,
BSD 2-Clause License): for each reason, a list of phrases that servers put in their replies.
Here the phrases are regular expressions in RE2 syntax, matched case-insensitively against a
diagnostic text whose whitespace has been collapsed; they are written as general wordings of
MTAs and providers (Postfix, Exim, Sendmail, qmail, Exchange / Office 365, Gmail, Yahoo, Orange,
La Poste, Free ...), in English, French and a few other languages, never as answers for one
particular message.

Each rule is ``(pattern, weight)``: 3 = the wording names the reason unambiguously, 2 = usual
wording, 1 = a hint that only counts when nothing stronger matched.
"""

from __future__ import annotations

from .rules_writers import WRITER_RULES

RULES: dict[str, list[tuple[str, int]]] = {
    "mailboxfull": [
        # Postfix local(8) writing to an mbox over its size limit: 'error writing message: File too large'
        (r"error writing message: file too large", 3),
        (r"mailbox (?:has )?reached (?:its|the) (?:size|storage) limit", 4),
        # French: quota reached, storage short
        (r"quota .{0,60}(?:atteint|d[ée]pass[ée]|plein)|(?:espace|stockage) .{0,40}insuffisant|over (?:its|the|their) storage limit|storage limit (?:reached|exceeded)", 3),  # noqa: E501
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"\b(?:exceeding|over) (?:the |their |its |his |her |your )?(?:allowed |mailbox |disk |storage )?quota\b", 3),  # reason/why-mailboxfull.go:24,33,54,66,70  # noqa: E501
        (r"quota usage exceeded|diskspace quota", 3),  # reason/why-mailboxfull.go:30,44
        (r"(?:does not|doesn't) have enough (?:\w+ )?space", 2),  # reason/why-mailboxfull.go:31
        (r"account storage limit|reached (?:its|their|the) storage limit", 3),  # rhost/for-godaddy.go:184
        (r"mail file size exceeds the maximum size allowed", 4),  # reason/why-mailboxfull.go:37
        (r"insufficient disk space", 2),  # reason/why-mailboxfull.go:22 ("452 insufficient disk space")
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"error: quota exceed", 3),
        (r"mailbox .{0,20}exceeded .{0,20}limit", 3),
        (r"number of messages in recipient's mailbox exceeded", 3),
        (r"inbox is out of storage space", 3),
        (r"not enough (?:\w+ )?space", 2),
        (r"mailbox (?:is |was )?(?:full|over ?quota)", 3),
        (r"mailbox\b.{0,40}\bfull", 2),
        (r"(?:mail ?box|account|user|recipient|maildir|disk|storage|mail) (?:is |has )?(?:over|exceeded (?:its |the )?)(?:the )?(?:quota|storage|size limit|disk)", 3),  # noqa: E501
        (r"over ?quota", 3),
        (r"quota (?:has been |was |is )?exceeded", 3),
        (r"exceeded (?:storage allocation|(?:its |the |his |her )?quota)", 3),
        (r"storage quota", 3),
        (r"quota violation", 3),
        (r"disk quota", 3),
        (r"user has exceeded", 2),
        (r"mailbox (?:size )?(?:limit )?exceeded", 3),
        (r"mailbox exceeds (?:allowed|maximum)", 3),
        (r"(?:mailbox|folder|mailfolder|inbox) (?:is )?full", 3),
        (r"full mailbox", 3),
        (r"mailbox would exceed", 3),
        (r"not (?:sufficient|enough) (?:disk )?space", 2),
        (r"no space left on device", 2),
        (r"too much mail data", 2),
        (r"user's space has been used up", 3),
        (r"too many messages (?:on the server|in (?:this|the) mailbox)", 3),
        (r"account (?:is )?(?:full|over quota)", 3),
        (r"their mailbox is full", 3),
        (r"exceeding receiving limits", 2),
        (r"bo[iî]te (?:(?:aux lettres|mail|de r[ée]ception|de messagerie|du destinataire|de \S+) )*(?:est )?(?:pleine|satur[ée]e)", 3),  # noqa: E501
        (r"quota (?:de stockage )?(?:d[ée]pass[ée]|atteint)", 3),
        (r"espace (?:de stockage )?insuffisant", 2),
        (r"postfach (?:ist )?voll", 3),
        (r"casella (?:di posta )?piena", 3),
        (r"buz[oó]n lleno", 3),
        (r"size of mailbox", 2),
        (r"mailbox has exceeded", 3),
    ],
    "emailtoolarge": [
        # Thunderbird composeMsgs.properties smtpTempSizeExceeded / smtpPermSizeExceeded1/2 (en, fr)
        (r"exceeds (?:a temporary size limit|the global size limit) of the server|exc[èe]de (?:une taille limite temporaire|la limite de taille globale|la taille globale limite) du serveur", 4),  # noqa: E501
        # Courier submit.C: 'Message length (N bytes) exceeds administrative limit(N)'
        (r"message length \(?\d+ bytes\)? exceeds", 4),
        # Microsoft's NDR for 5.3.4 (Exchange Online 'fix NDR 5.3.4'): 'The recipient's email server can't handle large messages'
        (r"can't handle large messages|ne peut pas g[ée]rer les messages volumineux", 3),
        (r"d[ée]passe la limite de taille|limite de taille (?:du destinataire )?(?:d[ée]pass[ée]|atteinte)", 3),
        (r"trop gros|limite de \d+ ?(?:mo|ko|go|mb|kb)\b|size limit of \d+", 3),
        (r"attachments? (?:is |are )?too (?:big|large)", 3),
        (r"pi[èe]ces? jointes? trop (?:lourde|volumineuse|grosse)s?|message trop (?:lourd|gros)", 3),
        (r"(?:message|e-?mail|attachments?) (?:you sent |you're sending )?(?:was|is|are|were) too (?:large|big)", 3),
        # French notices: "message trop volumineux", "dépasse la taille maximale"
        (r"trop volumineux|d[ée]passe la taille (?:maximale|autoris[ée]e|limite)|taille (?:maximale|limite) .{0,40}d[ée]pass[ée]", 3),  # noqa: E501
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"number of attachments .{0,60}exceeds|exceed\w* (?:\S+ )?(?:header name|message header size) limit|per individual header size", 3),  # rhost/for-google.go:171-175  # noqa: E501
        # qmail / qmail-ldap wordings (qmail-remote.c, qmail-local.c)
        (r'exeeded the maximum size the user accepts|exceeds my databytes limit', 3),
        (r"exceeded (?:the )?maximum (?:allowed |inbound |incoming )?message size", 3),
        (r"message (?:is )?too (?:big|large)", 3),
        (r"mail (?:is )?too (?:big|large)", 3),
        (r"(?:message|mail|email) size (?:limit )?(?:exceeds|exceeded)", 3),
        (r"size limit exceeded", 3),
        (r"exceeds? (?:the )?(?:maximum|max) (?:allowed |inbound |incoming )?(?:message )?size", 3),
        (r"maximum message size", 2),
        (r"message length exceeds", 3),
        (r"message file too big", 3),
        (r"message size exceeds", 3),
        (r"max message size", 3),
        (r"line limit exceeded", 2),
        (r"message header size exceeds limit", 2),
        (r"recipsizelimit", 3),
        (r"exceeds? size limit", 3),
        (r"taille (?:limite )?(?:du message|maximale)", 3),
        (r"message trop (?:gros|volumineux)", 3),
        (r"size limit", 2),
        (r"message too large", 3),
        (r"message is larger than", 3),
    ],
    "suspend": [
        (r"(?:bo[iî]te|compte) .{0,40}(?:est )?inactif|(?:bo[iî]te|compte) .{0,40}(?:est )?inactive", 3),
        (r"no longer (?:works|employed) (?:here|at)|(?:is|are) no longer (?:read|monitored)|n'est plus (?:lue|consult[ée]e|relev[ée]e)", 3),  # noqa: E501
        (r"compte (?:du destinataire )?(?:a [ée]t[ée] |est )?(?:ferm[ée]|supprim[ée]|expir[ée])|account (?:has )?expired|account (?:is |was )?closed", 3),  # noqa: E501
        # French: the recipient's mailbox or account switched off
        (r"bo[iî]te (?:aux lettres |de r[ée]ception |mail )?(?:du destinataire )?(?:a [ée]t[ée] |est )?(?:d[ée]sactiv[ée]e|suspendue|ferm[ée]e|bloqu[ée]e)", 3),  # noqa: E501
        (r"account .{0,40}(?:has been|is|was) (?:disabled|deactivated|suspended|closed|locked)", 3),
        # Infomaniak / Zimbra: the account exists but is closed to mail
        (r"account (?:is |has been )?administratively disabled|account is not active", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"mailaddress is administrativ\w{0,6} disabled", 3),  # lhost/via-qmail.go:116-119 (qmail-ldap)
        (r"banned recipient|mailbox cannot be accessed", 3),  # rhost/for-microsoft.go:577,580
        (r"\bdd \S+@\S+ is no longer valid", 3),  # rhost/for-yahooinc.go:80
        (r"this address no longer accepts mail", 4),  # reason/why-suspend.go:40 (also in why-userunknown.go:92; Suspend is probed first)  # noqa: E501
        # qmail / qmail-ldap wordings (qmail-remote.c, qmail-local.c)
        (r'mailaddress is administrativ\w{0,4}ly disabled', 3),
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"account is temporarily limited", 3),
        (r"(?:account|mailbox|user|address|recipient)(?: has been| is| was)? (?:currently )?(?:suspended|disabled|deactivated|frozen|locked|blocked|inactive|terminated|discontinued|closed|archived)", 3),  # noqa: E501
        (r"temporar(?:y|ily) locked", 3),
        (r"(?:has been|is currently|currently) suspended", 3),
        (r"archived recipient", 3),
        (r"inactive (?:account|user|mailbox)", 3),
        (r"invalid/inactive user", 3),
        (r"mailbox (?:disabled|is frozen|currently suspended)", 3),
        (r"disabled recipient", 3),
        (r"mailbox unavailable or access denied", 2),
        (r"recipient rejected: temporarily inactive", 3),
        (r"recipient suspend", 3),
        (r"email account that you tried to reach is (?:disabled|inactive)", 3),
        (r"this account has been (?:disabled|temporarily suspended|discontinued)", 3),
        (r"user or domain is disabled", 3),
        (r"user suspended", 3),
        (r"account is locked", 3),
        (r"user is terminated", 3),
        (r"deactivated mailbox", 3),
        (r"no longer active", 2),
        (r"compte (?:du destinataire )?(?:est )?(?:bloqu[ée]|d[ée]sactiv[ée]|suspendu|ferm[ée])", 3),
        (r"bo[iî]te (?:du destinataire )?archiv[ée]e", 3),
        (r"compte (?:de messagerie )?.{0,60}(?:est )?(?:d[ée]sactiv[ée]|inactif|suspendu)", 3),
        (r"konto (?:ist )?gesperrt", 3),
    ],
    "hasmoved": [
        # Microsoft 365 NDR 5.1.6 in French: 'l'adresse électronique du destinataire a changé'
        (r"adresse (?:[ée]lectronique |e-mail |de messagerie )?du destinataire a chang[ée]|recipient's (?:email |e-mail )?address has changed", 4),  # noqa: E501
        # French: "le destinataire a changé d'adresse"
        (r"a chang[ée] d'adresse|nouvelle adresse (?:est|:)", 3),
        (r" has been replaced by ", 3),
        (r"(?:address|mailbox|recipient|user) has (?:moved|changed)", 3),
        (r"no longer (?:on|at) (?:this )?server", 3),
        (r"recipient no longer on server", 3),
        (r"moved permanently", 2),
        (r"user not local; please try", 3),
    ],
    "norelaying": [
        # Haraka (relay denied by its core: 'I cannot deliver mail for <a>'); hMailServer ('Delivery is not allowed
        # to this address.' when external-to-external delivery is off)
        (r"i cannot deliver mail for <|delivery is not allowed to this address", 3),
        (r"(?:n'est pas autoris[ée]|interdit) [àa] relayer|relais (?:non autoris[ée]|refus[ée]|interdit)", 3),
        (r"\b(?:we|i) (?:do not|don't|will not|won't) relay", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"open relay (?:is )?not allowed", 3),  # rhost/for-mimecast.go:147-148
        (r"due to the following smtp relay error", 2),  # lhost/via-kddi.go:48
        (r"invalid credentials for relay|not authorized to send email directly to our servers", 3),
        (r"mail relay denied", 3),
        (r"relaying mail to", 3),
        (r"relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|disallowed|prohibited|refused)", 3),
        (r"as a relay", 3),
        (r"no relaying", 3),
        (r"not allowed to relay", 3),
        (r"unable to relay", 3),
        (r"insecure mail relay", 2),
        (r"not (?:a gateway|an open relay)", 3),
        (r"relay not permitted", 3),
        (r"relaying mail to .{1,80} is not allowed", 3),
        (r"we don't handle mail for", 3),
        (r"not permitted to relay", 3),
        (r"this system is not configured to relay", 3),
        (r"requires authentication when attempting to send to a non-local", 3),
        (r"that domain isn't in my list of allowed rcpthosts?", 3),
        (r"not local host", 2),
        (r"specified domain is not allowed", 2),
        (r"relais (?:refus[ée]|interdit|non autoris[ée])", 3),
    ],
    "authfailure": [
        # Haraka / policyd-spf style reply: 'Blocked by SPF'; DKIM invalid in French notices (Microsoft 365)
        (r"\bblocked by spf\b", 4),
        (r"signature dkim .{0,150}n'est pas valide", 3),
        (r"(?:doesn't|does not|don't) (?:allow|accept) messages from unauthenticated senders|no dmarc record|dmarc record (?:is )?(?:missing|not found)", 4),  # noqa: E501
        (r"fail(?:ed|s|ing)? (?:the )?(?:spf|dkim|dmarc)(?: checks?| verification| authentication)?\b", 3),
        (r"(?:politique|v[ée]rification|enregistrement) (?:spf|dkim|dmarc)|(?:spf|dkim|dmarc) (?:policy|record) .{0,40}(?:fail|not allow|reject|does not permit)", 4),  # noqa: E501
        (r"(?:authentification|contr[ôo]les?|v[ée]rifications?) (?:spf|dkim|dmarc)|(?:spf|dkim|dmarc) (?:et|ou|/) (?:spf|dkim|dmarc)", 3),  # noqa: E501
        # Gmail's DMARC refusal: "Unauthenticated email from example.com is not accepted due to domain's DMARC policy"
        (r"unauthenticated (?:e-?mail|mail|messages?)\b.{0,60}\bnot accepted", 3),
        # French: "échec de l'authentification SPF / DKIM / DMARC"
        (r"(?:[ée]chec|erreur) (?:de |d'|lors de )?(?:l')?(?:authentification|v[ée]rification) (?:spf|dkim|dmarc)", 3),
        (r"(?:spf|dkim|dmarc) .{0,40}(?:[ée]chou[ée]|invalide|non valide|a [ée]chou[ée])", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"senders to authenticate (?:their (?:e-?mail|messages) )?with (?:either )?(?:spf|dkim)|requires all (?:\w+ ){0,3}senders to authenticate", 3),  # rhost/for-google.go:44,86,87,93,98; rhost/for-yahooinc.go:28  # noqa: E501
        (r"fails? to pass (?:spf |dkim )?authentication checks|does not have authentication information", 3),  # rhost/for-google.go:79  # noqa: E501
        (r"\b(?:spf|dkim|dmarc) sender invalid", 3),  # rhost/for-mimecast.go:32-41
        (r"\bspf\b.{0,100}\bis not allowed to send mail\b|spf/dns de votre nom de domaine|spf/dns configuration", 3),  # reason/why-authfailure.go:33; rhost/for-franceptt.go:137  # noqa: E501
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"failing both spf and dkim", 3),
        (r"'s dmarc policy", 3),
        (r"must pass either spf or dkim", 3),
        (r"the spf record of the sending domain", 3),
        (r"aligned with either the authenticated spf or dkim|to add a dmarc record", 3),
        (r"inspect your spf settings", 3),
        (r"\bdmarc\b.{0,60}\b(?:policy|fail|reject|verification|check)", 3),
        (r"(?:fail|failed|not pass)\w*.{0,30}\bdmarc\b", 3),
        (r"dmarc (?:policy|check failed|verification)", 3),
        (r"\bspf\b.{0,30}\b(?:fail|failed|failure|softfail|hard ?fail|did not pass|not pass|violation|validation)", 2),
        (r"(?:fails?|failed) to pass spf|spf record with a hard fail|per it'?s spf record", 3),
        (r"sender policy framework", 3),
        (r"bad spf records?", 3),
        (r"spf\.pobox\.com", 3),
        (r"\bdkim\b.{0,30}\b(?:fail|failed|failure|did not pass|not pass|invalid)", 2),
        (r"unauthenticated (?:email|mail) from", 2),
        (r"(?:sender|message) is unauthenticated", 3),
        (r"requires all senders to authenticate", 3),
        (r"authentication (?:results|requirements|level)", 2),
        (r"doesn't meet the required authentication", 3),
        (r"is not allowed to send (?:mail )?from .{1,80} per it'?s spf", 3),
        (r"5322\.from address doesn't meet", 3),
        (r"dmarcrejection|dmarc initiative", 3),
        (r"spf check: fail", 3),
        (r"[ée]chec (?:de la v[ée]rification )?(?:spf|dkim|dmarc)", 3),
    ],
    "userunknown": [
        # Lotus Notes in Japanese (go-sisimai lhost/via-notes.go:28-32); Domino's Japanese wording is left
        # out on purpose (see providers._DOMINO)
        (r"ディレクトリのリストにありません", 3),
        (r"bo[iî]te aux lettres (?:est )?indisponible|adresse (?:e-?mail )?indisponible", 3),
        (r"(?:adresse|destinataire|utilisateur|compte) (?:de destination |de messagerie )?(?:est )?(?:inconnu|inconnue|inexistant|inexistante)", 3),  # noqa: E501
        # French notices of Orange, Free, SFR, La Poste and webmails: "adresse du destinataire invalide"
        (r"adresse (?:e-?mail |[ée]lectronique |de messagerie )?(?:du destinataire )?(?:est )?(?:invalide|inconnue|inexistante|erron[ée]e)", 3),  # noqa: E501
        (r"destinataire (?:est )?(?:inconnu|invalide|inexistant)", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"domain or user isn't in my list of allowed rcpthosts|no \S+ in name directory|recipient address reserved by rfc ?2606|single label domains not accepted|invalid x\.400 address", 3),  # reason/why-userunknown.go:87,120; rhost/for-microsoft.go:712-752  # noqa: E501
        (r"\brecipient rejected\.?$", 2),  # rhost/for-cox.go:136
        (r"cannot find system user|invalid or unknown (?:base |virtual )?user|does not refer to a virtual user", 3),  # lda/lib.go:59-74 (maildrop, vmailmgr)  # noqa: E501
        # Trend Micro InterScan MSS
        (r"unable to deliver message to <\S+> \(and other recipients in the same domain\)", 4),
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"no se encuentra en el directorio de domino|non r[ée]pertori[ée] dans l'annuaire domino", 4),
        (r"can't accept user", 3),
        (r"rejected recipients", 3),
        (r"account unavailable", 3),
        (r"no valid recipients", 3),
        (r"resolver\.adr\.recipient ?notfound", 4),
        (r"recipients? (?:was|were) undeliverable", 2),
        (r"wrong or no longer valid", 3),
        (r"badrecipientto|badrcptto|validrcptto", 3),
        (r"envelope recipient (?:has been denied|is in my)", 3),
        (r"unknown local-?part", 3),
        (r"\buser \S{1,64} (?:was not found|unknown|not found)", 3),
        (r"\buser \(\S{1,64}\) unknown", 3),
        (r"recipient \S{1,64} was not found", 3),
        (r"<\S{1,200}@\S{1,200}> (?:was )?not found", 3),
        (r"mailbox is unavailable", 2),
        (r"user(?:name)? (?:is )?unknown", 3),
        (r"unknown (?:user|recipient|mailbox|local ?part|address|e-?mail address)", 3),
        (r"no such (?:user|recipient|mailbox|person|address|local user|account)", 3),
        (r"(?:user|recipient|mailbox|address|account|e-?mail account|email address)\b.{0,30}\b(?:does not|doesn't|did not|not) exist", 3),  # noqa: E501
        (r"@\S+>? does not exist", 3),
        (r"address (?:does not exist|not present|unknown|invalid)", 3),
        (r"(?:invalid|bad|unknown|illegal|non-?existent|nonexistent) (?:recipient|mailbox|user|address|destination mailbox|e-?mail address)", 3),  # noqa: E501
        (r"(?:recipient|user|mailbox|address) (?:not found|unknown|invalid|not valid|not known)", 3),
        (r"user not (?:found|known|exist|listed|active)", 3),
        (r"mailbox (?:not found|not present|unavailable|does not exist|invalid|is inactive|unavaiable)", 3),
        (r"not (?:a )?(?:valid|known|local) (?:user|recipient|mailbox|address)", 3),
        (r"no mailbox (?:here|found|available|by that name)", 3),
        (r"no (?:account|mail box) (?:by that name|available)", 3),
        (r"recipient (?:does not exist|not exist|not ok|is not accepted|is not local|refuses to accept your mail)", 3),
        (r"recipient address rejected: (?:user unknown|unknown user|invalid user|access denied|invalid-recipient|userunknown|user .{1,80} does not exist|user unknown in)", 3),  # noqa: E501
        (r"requested action not taken: mailbox unavailable", 4),
        (r"mailbox unavailable", 2),
        (r"resolver\.adr\.recip(?:ient)?notfound", 4),
        (r"recipnotfound", 3),
        (r"recipient not found", 3),
        (r"recipient not found by smtp address lookup", 4),
        # Exchange / Outlook.com NDR sentences, English and French (Microsoft's NDR templates)
        (r"the e-?mail address you entered couldn't be found", 4),
        (r"\S+ est introuvable sur \S+", 4),
        (r"(?:adresse|destinataire) (?:est )?introuvable|introuvable ou ne peut pas recevoir", 3),
        (r"(?:l'adresse|le compte) .{0,60}n'existe pas", 3),
        (r"wasn't found at \S+\.", 4),
        (r"l'adresse (?:de messagerie |e-?mail )?que vous avez entr[ée]e est introuvable", 4),
        (r"(?:adresse|destinataire) (?:est )?introuvable", 3),
        (r"the email account that you tried to reach does not exist", 3),
        (r"email address could not be found", 3),
        (r"(?:address|account) (?:couldn't|could not|can't|cannot) be found", 4),
        (r"wasn't found at the destination", 3),
        (r"not listed in (?:the |public )?(?:domino directory|name & address book|directory)", 4),
        (r"recipient name is not recognized", 4),
        (r"unknown recipient", 3),
        (r"invalid final delivery userid", 4),
        (r"remote server returned unknown recipient", 4),
        (r"(?:is|was) not (?:a valid mailbox|an active address)", 3),
        (r"sorry, (?:no mailbox|user unknown|badrcptto)", 3),
        (r"this address no longer accepts mail", 3),
        (r"no one at this address", 3),
        (r"destination addresses were unknown", 3),
        (r"not (?:our|a local) (?:user|customer)", 2),
        (r"the user's email name is not found", 3),
        (r"user doesn't have a .{1,80} account", 3),
        (r"addressee unknown", 3),
        (r"invalid recipient", 3),
        (r"bad destination mailbox", 3),
        (r"recipient address rejected\.?$", 2),
        (r"address rejected", 1),
        (r"inactive email address", 3),
        (r"unknown or illegal (?:user|alias)", 3),
        (r"mailbox name not allowed", 2),
        (r"utilisateur inconnu|destinataire (?:inconnu|invalide)|adresse (?:e-?mail )?(?:inconnue|invalide|inexistante)", 3),  # noqa: E501
        (r"compte (?:inexistant|inconnu)|bo[iî]te (?:aux lettres )?inexistante", 3),
        (r"(?:adresse|destinataire|utilisateur|compte|bo[iî]te aux lettres)\b.{0,30}n'existe pas", 3),
        (r"unbekannte?r? (?:empf[äa]nger|benutzer)", 3),
        (r"(?:adresse|empf[äa]nger|benutzer|postfach)\b.{0,40}(?:existiert nicht|nicht gefunden)", 3),
        (r"utente sconosciuto|nessun utente|usuario (?:desconocido|no existe)|no existe (?:dicha persona|ese usuario)", 3),  # noqa: E501
        (r"mailbox .{0,80} does not exist", 3),
        (r"vdeliver: invalid or unknown virtual user", 3),
        (r"this spectator does not exist", 3),
        (r"(?:no|keine) such (?:address|user) here", 3),
        (r"not a valid recipient", 3),
        (r"user missing home directory", 2),
    ],
    "filtered": [
        # Dovecot Pigeonhole sieve 'reject' (src/lib-sieve/plugins/reject): 'Your message to <a> was automatically rejected:'
        # the wrapper only: Dovecot's own quota refusal comes in the same words, and its reason decides
        (r"your message to <?\S+>? was automatically rejected", 3),
        (r"filtre (?:de contenu|du destinataire)|content filter", 3),
        (r"(?:recipient'?s? |destinataire .{0,30})(?:mail )?(?:filter|filtre|r[èe]gle) .{0,40}(?:rules?|rejette|refuse|bloque)|mail filter rules?|r[èe]gle qui (?:rejette|refuse|bloque)", 3),  # noqa: E501
        # Dovecot / Sieve: "This message was rejected by a content filter rule of the recipient"
        (r"content filter rule", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"due to extended inactivity new mail is not currently being accepted", 3),  # reason/why-filtered.go:25
        (r"user does not exist, but will deliver to", 4),  # lda/lib.go:64 (vpopmail)
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"cannot route mail to user", 3),
        (r"message (?:was )?filtered", 2),
        (r"user refuses? to receive", 3),
        (r"user reject", 2),
        (r"you have been blocked by the recipient", 3),
        (r"refused due to recipient preferences", 3),
        (r"recipient is only accepting mail from specific", 3),
        (r"is not accepting any mail", 2),
        (r"message rejected due to user rules", 3),
        (r"account is protected by", 2),
        (r"has restricted sms e-mail", 3),
        (r"recipient id refuse to receive mail", 3),
        (r"bounced address", 2),
        (r"not found recipient account", 2),
        (r"rejected by (?:the )?recipient'?s? (?:filter|rules)", 3),
    ],
    "requireptr": [
        (r"nom d'h[ôo]te inverse|reverse (?:dns|hostname|lookup)|forward-confirmed", 3),
        # French: no reverse DNS
        (r"(?:aucun|pas d'|absence d')\s?enregistrement ptr|dns inverse|r[ée]solution inverse", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"dns lookup failure: \S+ try again later|dns check failure", 3),  # reason/why-requireptr.go:46; rhost/for-cox.go:104  # noqa: E501
        (r"does not meet ipv6 sending guidelines|does not match the ip address of the hostname", 3),
        (r"(?:have|has) a ptr record", 3),
        (r"must have a reverse dns record", 3),
        (r"custom reverse dns", 3),
        (r"reverse dns (?:validation |lookup )?(?:failed|required|entry|check)", 3),
        (r"\bptr\b.{0,40}\brecord", 3),
        (r"(?:no|missing|invalid|bad|without) (?:dns )?ptr", 3),
        (r"bad dns ptr", 3),
        (r"rdns", 2),
        (r"cannot find your (?:reverse )?hostname", 3),
        (r"reverse hostname", 2),
        (r"cannot resolve your (?:address|hostname)", 3),
        (r"fix reverse dns", 3),
        (r"ip name lookup failed", 3),
        (r"reverse lookup (?:rejected|failed)", 3),
        (r"unresolvable relay host name", 3),
        (r"generic dns ptr", 3),
        (r"(?:no|without) reverse dns", 3),
        (r"unverifyable sending ips?", 3),
        (r"mismatches client ip", 3),
        (r"reverse dns lookup for host", 3),
        (r"forward dns entry does not point to the sending ip", 3),
        (r"invalid rdns", 3),
        (r"pas de (?:reverse|ptr|dns inverse)|r[ée]solution inverse", 3),
    ],
    "notcompliantrfc": [
        # Haraka data.headers / qpsmtpd: 'Message containing bare LF's' (RFC 5321 2.3.8: lines end in CRLF)
        (r"message contain(?:ing|s) bare lf", 2),
        # Haraka plugins/headers ('Required header ... missing')
        (r"required header .{0,20}missing", 3),
        (r"(?:ne respecte pas|non conforme [àa]|pas conforme [àa]) (?:la norme )?(?:rfc|les normes)", 3),
        (r"(?:headers?|en-t[êe]tes?) (?:are |is |sont |est )?(?:malformed|mal form[ée]s?|invalides?)|duplicate (?:\S+ )?headers?|en-t[êe]tes? en double", 3),  # noqa: E501
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"not rfc ?(?:\d{3,4} )?compliant|headers? (?:are|is) not rfc", 3),  # rhost/for-yahooinc.go:42
        (r"\bmultiple \S+ headers?\b", 2),  # reason/why-notcompliantrfc.go:28 (pair ' multiple ', ' header')
        (r"missing a valid (?:address in the from: header|message-id)", 3),
        (r"unicode character in a disallowed header|encoded-word syntax is not permitted", 3),
        (r"not a valid rfc 5321 address|mail message is malformed", 3),
        (r"not rfc ?(?:5322|2822|822|5321) compliant", 3),
        (r"rfc[- ]?(?:5322|2822|822)(?: section [\d.]+)? compliant", 3),
        (r"rfcmessagenoncompliant", 3),
        (r"multiple .{0,30}(?:addresses in |)(?:from|sender|to|subject|date|message-id).{0,20}header", 3),
        (r"messages with multiple addresses in from", 3),
        (r"duplicate header", 2),
        (r"(?:does not|doesn't) (?:comply|conform) (?:with|to) rfc", 3),
        (r"violat\w* rfc ?(?:5322|2822|822)", 3),
        (r"missing (?:a )?(?:required )?(?:from|date|message-id) header", 2),
        (r"non[- ]?conforme? (?:au|à la) rfc", 3),
    ],
    "badreputation": [
        # Microsoft 365 French NDR (5.7.1 sender domain reputation): 'identifié comme une source de spam'
        (r"identifi[ée] comme (?:une )?source de spam|identified as a source of spam", 3),
        (r"r[ée]putation .{0,40}(?:mauvaise|faible|insuffisante|n[ée]gative)|(?:mauvaise|faible) r[ée]putation", 4),
        (r"(?:poor|bad|low) (?:ip |sender |sending |domain )?reputation", 4),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"\b(?:ip|sender|sending|domain|mta's) reputation\b", 2),  # rhost/for-mimecast.go:60; reason/why-badreputation.go  # noqa: E501
        (r"internal resources are temporarily unavailable", 2),  # rhost/for-mimecast.go:53
        (r"poor (?:email |sending )?reputation", 3),
        (r"due to (?:ip|domain|sender) reputation", 3),
        (r"ip/domain reputation", 3),
        (r"very low reputation", 3),
        (r"bad reputation", 3),
        (r"rate limited due to ip reputation", 3),
        (r"reputation (?:score|problems?)", 2),
        (r"temporarily deferred due to unexpected volume or user complaints", 3),
        (r"mauvaise r[ée]putation", 3),
    ],
    "contenterror": [
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"- bad header\b|\bbad header section\b", 4),  # p5 lib/Sisimai/Lhost/Amavis.pm:78
        (r'too many "?received:?"? headers', 4),  # lhost/via-exim.go:154-155 (Exim deliver.c; contenterror is final in the Exim module); reason/why-contenterror.go:27  # noqa: E501
        (r"conversion to internet format failed|\((?:00050311|000502cc)\)", 3),  # lhost/via-exchange2003.go:75-78
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r'too many "received" headers', 3),
        (r"too many related errors|bare ?line ?feeds|agent generated message depth exceeded", 3),
        (r"invalid message content|invalid characters", 2),
        (r"duplicate header", 2),
        (r"header size exceeds maximum", 3),
        (r"improper use of 8-bit data", 3),
        (r"message header size, or recipient list, exceeds", 3),
        (r"mime complexity exceeds", 3),
        (r"invalid mime headers?", 3),
        (r"improperly-formatted binary content", 3),
        (r"unnecessary base64 encoding", 3),
        (r"too many received: headers", 2),
        (r"media error", 2),
        (r"malformed (?:mime|message|header)", 3),
        (r"invalid (?:message )?(?:content|header)", 2),
        (r"8-?bit (?:data|characters?) (?:not allowed|in header)", 3),
    ],
    "rejected": [
        # Exim callout sender verification (ACL 'verify = sender/callout'): 'Verification failed for <a>' ... 'Sender verify failed'
        (r"verification failed for <[^>\s]+@[^>\s]+>|sender verify failed", 4),
        # Courier module.esmtp: the sender domain's MX records point at an IP address
        (r"mx records for \S+ violate section 3\.3\.9 of rfc ?1035", 3),
        # Exim ACL 'verify = sender' (spec ch. 42: 'Could not complete sender verify'); Postfix smtpd_check.c
        # ('sender address must contain a domain'); Sendmail proto.m4 ('Domain name required for sender address')
        (r"could not complete sender verify|sender address must contain a domain|domain name required for sender address", 4),  # noqa: E501
        # Microsoft 365 French quarantine/NDR wording: the sender's address is on a block list
        (r"adresse de l'exp[ée]diteur (?:figure|est) sur une liste de blocage", 4),
        # the sender's own address or domain on the recipient's private block list (Outlook's NDR wording)
        (r"(?:e-?mail address|domain|sender)\b.{0,30}\bon (?:the |a |their )?(?:recipient'?s? )?(?:block ?list|black ?list|blocked senders)", 4),  # noqa: E501
        (r"(?:chosen|decided) not to (?:receive|accept) (?:mail|e-?mails?|messages) from you|has blocked (?:you\b|your (?:address|e-?mail))", 3),  # noqa: E501
        (r"n'[êe]tes pas autoris[ée]s? [àa] (?:[ée]crire|poster|envoyer) (?:[àa]|sur|dans) cette liste|a bloqu[ée] votre adresse", 3),  # noqa: E501
        (r"adresse (?:de l'|d')?exp[ée]diteur (?:est )?invalide|exp[ée]diteur invalide|invalid sender (?:address|domain)", 4),  # noqa: E501
        (r"sender(?:'s)? domain (?:\S+ )?(?:does not|doesn't) exist", 4),
        (r"(?:votre )?domaine (?:d'exp[ée]dition |exp[ée]diteur )?n'est pas autoris[ée] [àa] envoyer|domaine (?:de l'exp[ée]diteur|exp[ée]diteur) (?:est )?(?:refus[ée]|bloqu[ée])", 3),  # noqa: E501
        # Outlook.com / Exchange Online NDR for a sender it no longer lets send ("bad outbound sender")
        (r"(?:weren't|were not|aren't|are not|not) recognized as a valid sender", 3),
        # French: the sender's address or domain refused
        (r"adresse (?:de l'|d')?exp[ée]diteur .{0,40}(?:refus[ée]e|rejet[ée]e|bloqu[ée]e|invalide)", 3),
        (r"exp[ée]diteur (?:est )?(?:refus[ée]|rejet[ée]|bloqu[ée]|non autoris[ée])", 3),
        (r"sender address (?:was |has been |is )?(?:rejected|refused|denied)", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"sender (?:was )?not authenticated(?: by organization| for (?:group|mailbox|public folder))?\b|sender not in allowed-senders list", 3),  # rhost/for-microsoft.go:438-465  # noqa: E501
        (r"unknown sender address|sending from unregistered domains?|resolver\.rst\.notauthorized", 3),  # rhost/for-microsoft.go:409,487; lhost/via-exchange2007.go:72  # noqa: E501
        (r"blocked senders\b|block policy for (?:header from|envelope from)|envelope blocked - user (?:domain )?entry", 3),  # rhost/for-mimecast.go:193-204  # noqa: E501
        (r"unresolvable rfc\.?5321 (?:from )?domain", 3),  # rhost/for-yahooinc.go:64
        (r"access denied, spam abuse detected", 4),  # rhost/for-microsoft.go:473 (5.7.501-503 -> rejected)
        (r"not member article from|reject spammers:|rfc 1035 violation: recursive cname|denied by secumail valid-address-filter", 3),  # lhost/via-fml.go:44-46; reason/why-rejected.go:41,62  # noqa: E501
        (r"not in (?:the )?allowed-?senders list|list of allowed senders", 3),  # Sisimai-consistent split of a wider rule (see the reasons' sources)  # noqa: E501
        (r"mail sending denied", 3),
        (r"bad outbound sender", 3),
        (r"domain of sender address", 4),
        (r"\bbatv\b", 3),
        (r"third-party dsns", 3),
        (r"bad sender(?:'s)? (?:address|mailbox|domain)", 2),
        (r"sender (?:address )?(?:rejected|refused|denied|blocked|not allowed|verify failed|is in my black ?list|is spammer|not pre-approved|was rejected|blacklisted)", 3),  # noqa: E501
        (r"sender (?:address |e-?mail address )?(?:has been )?(?:rejected|blacklisted)", 3),
        (r"(?:domain of sender address|sender domain) .{0,120}(?:does not exist|must exist|not found|is empty|rejected|has no (?:mx|dns|a) record|does not resolve)", 3),  # noqa: E501
        (r"unroutable sender", 3),
        (r"unresolvable (?:rfc\.?5321 )?(?:from|sender|envelope from|mail from) domain", 3),
        (r"invalid dns mx or a/aaaa resource record", 4),
        (r"(?:does not|doesn't) match an? verified sender|unverified sender", 3),
        (r"email address is not verified", 3),
        (r"domaine (?:de l'|du |d')(?:exp[ée]diteur|[ée]metteur)\b.{0,40}(?:n'existe pas|inexistant|inconnu|invalide|introuvable|refus[ée]|bloqu[ée])", 3),  # noqa: E501
        (r"invalid sender", 3),
        (r"bogus mail from", 3),
        (r"empty envelope senders? not allowed|null sender is not allowed|returned mail not accepted here", 3),
        (r"your envelope sender is in my badmailfrom", 3),
        (r"badmailfrom", 3),
        (r"(?:your )?(?:e-?mail )?address (?:has been )?blacklisted", 2),
        (r"sender address has been blacklisted", 3),
        (r"you are sending to/from an address that has been blacklisted", 3),
        (r"access denied \((?:in reply to mail from|sender blacklisted)", 3),
        (r"administrative prohibition", 2),
        (r"batv (?:failed|validation|defense|: no tag)", 3),
        (r"backscatter protection", 3),
        (r"isn't on the recipient's list of senders", 3),
        (r"can't determine purported responsible address", 3),
        (r"without a valid sender domain", 2),
        (r"delivery not authorized, message refused", 2),
        (r"email address is on senderfilterconfig list", 3),
        (r"emetteur invalide|exp[ée]diteur (?:invalide|refus[ée]|inconnu)", 3),
        (r"fully qualified email address required", 3),
        (r"mail from not owned by user", 3),
        (r"message rejected: email address is not verified", 3),
        (r"is not a registered gateway user", 3),
        (r"rule imposed mailbox access for", 3),
        (r"sending this from a different address or alias", 3),
        (r"syntax error: empty email address", 3),
        (r"this server does not accept mail from", 3),
        (r"unsigned dsn", 3),
        (r"not (?:allowed|authorized|permitted) to (?:post|send) (?:messages )?to this (?:mailing )?(?:list|group)", 3),
        (r"(?:your|sender|sending|from) domain (?:\S+ )?(?:is|has been) (?:blocked|blacklisted|block ?listed|deny ?listed|banned)", 3),  # noqa: E501
        (r"are not a member of", 3),
        (r"may not have permission to post messages to the group", 3),
        (r"groups\.google\.com/support", 3),
        (r"access denied", 1),
        (r"your access to submit messages to this e-mail system has been rejected", 3),
        (r"from: domain is invalid", 3),
        (r"envelope blocked", 2),
        (r"denied \[bouncedeny\]", 3),
        (r"spam reporting address", 2),
        (r"your domain has been (?:blocked|blacklisted)", 3),
        (r"your (?:e-?mail )?address has been (?:blocked|blacklisted)", 3),
    ],
    "hostunknown": [
        # Courier module.esmtp: 'Nowhere to deliver mail to for domain'; hMailServer server messages
        (r"nowhere to deliver mail to for domain", 4),
        (r"no mail servers appear to exists? for the recipient's address", 4),
        (r"impossible de r[ée]soudre le (?:nom de )?domaine", 3),
        (r"lookups? failed permanently", 4),
        (r"nom de domaine (?:inexistant|inconnu|introuvable|incorrect)|domain name (?:in the (?:e-?mail )?address )?is (?:incorrect|invalid|wrong)", 3),  # noqa: E501
        # Yahoo's / qmail-style "No MX or A records for example.invalid": the domain has no mail host
        (r"no mx or a records? for", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"\bnxdomain\b|dns server returned answer with no data|dns lookup failure: host \S+ not found|remote domain does ?n'?t exist|we weren't able to find the recipient domain", 3),  # rhost/for-gsuite.go:23; lhost/via-gmail.go:88; lhost/via-dragonfly.go:58; lhost/via-kddi.go:49; rhost/for-google.go:521  # noqa: E501
        # qmail / qmail-ldap wordings (qmail-remote.c, qmail-local.c)
        # Exchange Online NDR (5.4.310 "DNS domain does not exist") and Gmail's notices: the domain
        # itself is unknown, which decides over the unknown-user wording of the same sentence
        (r"(?:the )?(?:recipient's |recipient |destination )?domain (?:name )?(?:\S+ )?(?:does not|doesn't) exist", 4),
        (r"domain .{0,100}(?:couldn't be found|could not be found|was not found)", 4),
        (r"domaine (?:du destinataire |de destination )?(?:\S+ )?(?:n'existe pas|est introuvable|introuvable|inexistant)", 4),  # noqa: E501
        (r"(?:dns|syst[èe]me dns|domain name system).{0,60}(?:domain|domaine).{0,40}(?:does not exist|n'existe pas)", 4),  # noqa: E501
        (r"sorry, i couldn't find any host", 3),
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"all host address lookups failed permanently", 3),
        (r"all relevant mx records point to non-existent hosts", 3),
        (r"the account or domain may not exist", 4),
        (r"host (?:or domain name )?(?:unknown|not found)", 3),
        (r"unknown host", 3),
        (r"domain (?:does not exist|not found|is not reachable|must exist|name not found)", 3),
        (r"no such domain|non-?existent domain", 3),
        (r"unrout(?:e)?able address", 3),
        (r"name or service not known", 3),
        (r"illegal host/domain", 3),
        (r"invalid domain\b", 2),
        (r"unknown domain", 3),
        (r"host unreachable", 2),
        (r"mail domain mentioned in email address is unknown", 3),
        (r"recipient domain must exist", 3),
        (r"the account or domain may not exist", 3),
        (r"bad destination system address", 3),
        (r"domain (?:inconnu|inexistant)|domaine (?:inconnu|inexistant|introuvable)", 3),
        (r"the domain .{1,100} couldn't be found", 2),
        (r"(?:^|\s)[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?\s+does not exist", 2),
        (r"dns domain \S+ does not exist|infodomainnonexistent", 3),
    ],
    "spamdetected": [
        (r"(?:forbidden|banned|prohibited) words|mots interdits", 3),
        (r"suspicious content", 3),
        # French: "contenu suspect", "filtre antispam", "considéré comme indésirable"
        (r"contenu suspect|filtre anti-?spam|consid[ée]r[ée] comme (?:ind[ée]sirable|spam|pourriel)|identifi[ée] comme (?:spam|ind[ée]sirable|pourriel)", 3),  # noqa: E501
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"mail score \(\d+(?:\.\d+)? over|\bspam (?:\S+ ){0,2}exceeded|probability of being spam|rejected by \S+ \(spam\)|rule imposed as .{1,80} is blacklisted on|content filter agent quarantined", 3),  # reason/why-spamdetected.go:115-122; rhost/for-microsoft.go:520  # noqa: E501
        (r"nature of the content (?:and/or|or|and) (?:the )?links|likely unsolicited mail", 3),
        (r" - spam\b", 3),
        (r"help_spam", 3),
        (r"block(?:ed)? for spam|no spam please", 3),
        (r"blocked for abuse", 3),
        (r"denied due to spam list", 3),
        (r"\bdrbl\b", 2),
        (r"detected (?:your message|this message|it) as spam|as spam and has prevented delivery", 3),
        (r"consider(?:ed)? (?:it |this |as )?spam", 3),
        (r"spamprofiler", 3),
        (r"unacceptable content", 3),
        (r"thinks this (?:e-?mail|message) is spam", 3),
        (r"bulk\.advertising", 3),
        (r"sender domain listed at", 3),
        (r"spam rejection|spamming not allowed", 3),
        (r"looked like spam|similar to spam|probably spam", 3),
        (r"temporarily blocked by our filter", 3),
        (r"triggered a spam block", 3),
        (r"\bspam\b.{0,40}\b(?:detected|blocked|rejected|refused|filter|content|score|message|email|suspected|probability|classification|check|not accepted|complaints)", 3),  # noqa: E501
        (r"(?:detected|identified|classified|considered|scored|marked|rejected|blocked|flagged|classed) (?:as |it as )?(?:a )?(?:likely )?(?:spam|junk|bulk)", 3),  # noqa: E501
        (r"(?:appears|seems|looks) (?:to be |like )?(?:a )?(?:spam|unsolicited)", 3),
        (r"unsolicited (?:bulk )?(?:e-?mail|mail|commercial)", 3),
        (r"probable spam|suspected spam|spam-like|spamassassin|spam points|spam check|spambouncer", 3),
        (r"message content rejected", 2),
        (r"content filter rejection|rejecting (?:banned|mail) content|mail content denied", 3),
        (r"blacklisted (?:url|link)|links? to an? (?:blacklisted|black ?listed|block ?listed|blocked) (?:domain|site|web ?site|url)", 3),  # noqa: E501
        (r"uribl", 3),
        (r"\bube\b", 2),
        (r"bulk ?(?:e-?mail|mail|advertising)", 2),
        (r"message filtered\. (?:please see|refer to)", 3),
        (r"high probability of spam", 3),
        (r"recurrent pattern detection", 3),
        (r"too many spam complaints|too much spam", 3),
        (r"message was rejected for possible spam", 3),
        (r"spam or virus", 2),
        (r"mail flood", 2),
        (r"rejected due to spam", 3),
        (r"reject,? id=", 2),
        (r"antispam|anti-spam", 2),
        (r"we don'?t accept spam", 3),
        (r"(?:courrier|message) (?:ind[ée]sirable|consid[ée]r[ée] comme (?:spam|ind[ée]sirable))", 3),
        (r"pourriel", 3),
        (r"consid[ée]r[ée]e? comme (?:du |un )?(?:spam|pourriel|ind[ée]sirable)", 3),
        (r"suspicion of (?:being )?spam", 3),
    ],
    "ratelimited": [
        (r"nombre (?:maximal|maximum) de (?:destinataires|messages|connexions) (?:d[ée]pass[ée]|atteint)", 3),
        # Gmail SMTP errors and codes (support.google.com/a/answer/3726730), 450 4.2.1 / 550 5.2.1 now
        # say "email"; X.2.1 alone would read as a disabled mailbox
        (r"is receiving e-?mail (?:too quickly|at a rate that prevents)", 4),
        # Outlook.com postmaster troubleshooting, 421 RP-001 / RP-002 / RP-003
        (r"has exceeded the (?:rate|connection) limit allowed", 4),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"too many (?:smtp |concurrent |simultaneous |open |new )?(?:sessions|connections)", 3),  # reason/why-toomanyconn.go:34; rhost/for-cox.go:130  # noqa: E501
        (r"thread limit exceeded|outbound thread limit|reached (?:your|its|the|their) daily (?:limit|quota)|daily limit for message recipients|message receive limit|exceeded permitted limits within|recipient has exceeded their limit for|tenant has exceeded threshold", 3),  # rhost/for-microsoft.go:528-568,691; rhost/for-mimecast.go:262  # noqa: E501
        (r"submission quota exceeded", 4),  # rhost/for-microsoft.go:539 (5.2.2: must beat mailboxfull 'quota exceeded')
        (r"due to excessive volume|message threshold exceeded|max(?:imum)? (?:number of )?messages? per (?:connection|session)", 3),  # rhost/for-apple.go:68; rhost/for-cox.go:132; rhost/for-yahooinc.go:89; rhost/for-godaddy.go IB510  # noqa: E501
        (r"access denined|account service is temporarily unavailable|requested action aborted: try again later", 2),  # rhost/for-tencent.go:44; rhost/for-mimecast.go:245; rhost/for-cox.go:131  # noqa: E501
        (r"reached (?:your|a|the) (?:daily )?limit for (?:sending|message recipients|recipients|messages)", 4),
        (r"(?:daily|hourly) limit for (?:message )?recipients|message receive limit|submission quota", 4),
        (r"limite quotidienne|limite d'envoi|limite de (?:destinataires|messages|r[ée]ception)", 4),
        (r"(?:re[çc]oit|recevez|envoyez) des (?:e-?mails|messages) [àa] un rythme", 3),
        (r"receiving mail too quickly|relay (?:sending )?limit exceeded", 3),
        (r"sending (?:quota|limit) exceeded|this mail has been rate limited", 3),
        (r"too many (?:messages|mails|emails|connections|recipients|sessions|concurrent|errors|rcpt|simultaneous)", 3),
        (r"rate ?limit(?:ed|ing|s)?\b", 3),
        (r"(?:sending|receiving) (?:mail )?(?:at a |too )(?:rate|fast)", 3),
        (r"try again slower", 3),
        (r"throttl(?:ed|ing)", 3),
        (r"connection (?:rate |frequency )?limit", 3),
        (r"frequency limited", 3),
        (r"exceeded the max emails per hour", 3),
        (r"maximum (?:sending )?rate exceeded", 3),
        (r"daily (?:message |sending )?(?:quota|limit) (?:exceeded|reached)", 3),
        # a sending quota per period is not a mailbox quota: decisive over "quota exceeded"
        (r"(?:daily|hourly|sending|per-?hour|per-?day) (?:\S+ ){0,2}(?:quota|limit) (?:has been )?(?:exceeded|reached)", 4),  # noqa: E501
        (r"(?:maximum|max|allowed) number of (?:concurrent |simultaneous )?(?:connections|sessions|recipients)", 3),
        (r"limits? (?:for|on) (?:how many|the number of) (?:messages|e-?mails|mails|recipients)", 3),
        (r"\b(?:messages|e-?mails|mails) (?:can be )?sent per (?:hour|day|minute)", 2),
        (r"(?:reached|exceeded) (?:its|the|your) limit for (?:processing|sending|accepting|receiving|connections|requests)", 3),  # noqa: E501
        (r"traffic shaping", 3),
        # greylisting: a deliberate temporary deferral of unknown senders, retried later
        (r"\bgr[ae]y-?list(?:ed|ing)?\b", 3),
        (r"numerous attempts to deliver", 2),
        (r"max(?:imum)? connection", 2),
        (r"trop de (?:connexions|messages|destinataires)", 3),
        (r"limite d'envoi", 3),
        (r"temporarily deferred due to unexpected volume", 2),
        (r"receiving mail at a rate", 3),
        (r"service temporarily unavailable", 1),
    ],
    "blocked": [
        # hMailServer anti-spam: 'The host name specified in HELO does not match IP address.'
        (r"host ?name specified in helo does not match", 3),
        # Haraka helo.checks: 'HELO is dynamic'
        (r"\bhelo is dynamic\b", 3),
        (r"helo (?:host ?name|name|domain|argument) .{0,30}(?:does not resolve|doesn't resolve|not found|invalid|rejected)", 3),  # noqa: E501
        (r"adresse ip dynamique|dynamic ip(?: address)?|envoi direct depuis", 3),
        (r"\b(?:your |the |sending )?ip(?: address)? (?:\S+ )?(?:has been|is|was) (?:black ?listed|block ?listed|blocked|banned)", 4),  # noqa: E501
        (r"(?:server|serveur) .{0,40}(?:refused|rejected|refus[ée]|a refus[ée]) (?:the |la |votre )?(?:connection|connexion)|connexion refus[ée]e par le serveur", 3),  # noqa: E501
        # the everyday names of a block list, in English and French
        (r"\b(?:ip|address|server|host)\b.{0,40}\b(?:on|in) (?:a |the |our )?(?:block ?list|black ?list|deny ?list|dnsbl|rbl)\b", 3),  # noqa: E501
        (r"(?:adresse ip|serveur|ip) .{0,40}(?:sur|dans) (?:une |la |notre )?(?:liste noire|liste de blocage|liste de refus)", 3),  # noqa: E501
        # Mimecast 421 "Sender address blocked" (rhost/for-mimecast.go:65): the sender, not a closed account
        (r"sender address blocked", 4),
        # Sendmail's dnsbl feature (cf/feature/dnsbl.m4): "Rejected: 192.0.2.1 listed at zen.spamhaus.org"
        (r"\blisted (?:at|on) (?:\S+\.)+[a-z]{2,}\b|not accepting messages from (?:\d{1,3}\.){3}\d{1,3}", 3),
        # Gmail SMTP errors and codes: 421 4.7.28 / 550 5.7.28, the sending IP is refused for a while
        (r"unusual (?:rate|amount) of unsolicited e-?mail originating from your ip", 4),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"refused to talk to me", 2),  # lhost/via-postfix.go:297 (sets command HELO; HELO/EHLO failures are 'blocked' in lhost/via-exim.go:438, lhost/via-qmail.go:229)  # noqa: E501
        (r"too many (?:invalid|bad|unknown|non-?existent) (?:recipients|rcpts?|commands|addresses)", 4),  # rhost/for-cox.go:98-99; rhost/for-godaddy.go IB112/IB113 (comments)  # noqa: E501
        (r"is in an? (?:\S+ )?rbl\b|rejected based on (?:a )?black ?list|deferred due to user complaints", 3),  # reason/why-blocked.go:91,95,96  # noqa: E501
        (r"mail from (?:\d{1,3}\.){3}\d{1,3} refused", 3),  # reason/why-blocked.go:93-94
        (r"\bthe (?:domain|email|ip) \S+ is blacklisted", 3),  # reason/why-blocked.go:99-101
        (r"\bnot accepting connections\b|connection dropped|connection denied", 2),  # rhost/for-apple.go:41; rhost/for-microsoft.go:56; rhost/for-tencent.go:30  # noqa: E501
        (r"suspected (?:bounce attacks|spam ip)", 4),  # rhost/for-tencent.go:28-29
        (r"sending mta or the sender has not passed validation|no matches to nameserver query|\(\S+@\S+:blocked\)", 3),  # reason/why-blocked.go:55,61,82  # noqa: E501
        (r"smtp error from remote (?:mail server|mailer) after initial connection", 2),  # reason/why-blocked.go:66 (Exim)  # noqa: E501
        (r"unusual rate of (?:unsolicited )?mail", 4),  # rhost/for-google.go:146-147,156-157 (Gmail 421 4.7.0/4.7.28, 550 5.7.1/5.7.28 -> blocked)  # noqa: E501
        (r"traffic not accepted from this ip", 3),
        (r"ip not in whitelist for rcpt domain", 3),
        (r"try again later, closing connection", 2),
        (r"helo/ehlo argument is invalid|empty helo/ehlo argument", 3),
        (r"unusual rate of (?:unsolicited )?mail", 3),
        (r"access denied, (?:bad helo|rejected by recipient|banned sender|banned sending ip)", 3),
        (r"using customer block ?list", 3),
        (r"does not accept email over ipv6", 3),
        (r"access denied, please try again later", 2),
        (r"connection (?:refused by|reset by peer|was dropped by)", 2),
        (r"host network not allowed", 3),
        (r"is in an? black ?list|black ?list(?:ed)? (?:ip|host|server)", 3),
        (r"is not allowed to send mail from", 2),
        (r"access forbidden by your ip", 3),
        (r"looks suspiciously like (?:a )?spammer", 3),
        (r"multi-blacklist", 3),
        (r"\bips? (?:address(?:es)? )?(?:is |are |has been )?blocked", 2),
        (r"blocked using", 3),
        (r"blacklisted by", 3),
        (r"(?:listed|found) (?:in|on|at) (?:the |an? )?(?:rbl|dnsbl|blacklist|block ?list|spamhaus|spamcop|barracuda|sorbs)", 3),  # noqa: E501
        (r"(?:your |sender |sending |client |source |the )?ip(?: address)?(?: \S+)? (?:is |has been |was )?(?:blocked|blacklisted|banned|listed|block ?listed|deny ?listed|rejected|refused|not allowed|on (?:our|the) block)", 3),  # noqa: E501
        (r"(?:client|sender|remote) host (?:\S+ )?(?:rejected|blocked|refused)", 2),
        (r"spamhaus|spamcop\.net|abuseat\.org|barracudacentral|sorbs\.net|\bcbl\b|\bpbl\b|\bxbl\b|\bsbl\b|dnsbl|\brbl\b", 3),  # noqa: E501
        (r"dynamic(?:/zombied)? (?:ip|ips|addresses|pool)|dynamic ip|dynamically[- ]assigned (?:ip|address)", 3),
        (r"namespace mining|directory harvest", 3),
        (r"all messages from \S+ will be permanently deferred", 3),
        (r"use the smtp server of your isp|smtp server of your (?:isp|provider)", 3),
        (r"not (?:currently )?accepting (?:mail|connections) from your ip", 3),
        (r"esmtp not accepting connections", 3),
        (r"service not available, closing transmission channel", 2),
        (r"you are not allowed to connect", 3),
        (r"your (?:network|ip|server) is (?:temporar(?:y|ily) )?(?:blacklisted|blocked)", 3),
        (r"bad sender ip|banned sending ip|invalid ip for sending", 3),
        (r"part of their network is on our block list", 3),
        (r"rejecting open proxy|open relay", 3),
        (r"hosts with dynamic ip", 3),
        (r"no access from mail server", 3),
        (r"helo command rejected", 3),
        (r"go away", 2),
        (r"confirm this mail server|your server requires confirmation", 2),
        (r"currently sending spam|you are sending spam|too many spams from your ip|too many unwanted messages", 3),
        (r"was blocked by", 2),
        (r"blocked - see http|refused - see http", 3),
        (r"client host blocked", 3),
        (r"extreme bad ip profile", 3),
        (r"sender ip address rejected", 3),
        (r"mail server at .{1,60} is blocked", 3),
        (r"adresse ip (?:source )?(?:\S+ )?(?:est |a [ée]t[ée] )?(?:bloqu[ée]e|refus[ée]e|list[ée]e|black-?list[ée]e|sur (?:une )?liste noire)|ip (?:source )?bloqu[ée]e", 3),  # noqa: E501
        (r"service refus[ée]|service refused, please try later", 2),
        (r"\bblocked\b", 1),
        (r"\bblacklisted\b", 1),
        (r"access denied", 1),
        (r"rejected\.?$", 1),
    ],
    "virusdetected": [
        (r"logiciel malveillant|\bmalware\b|virus (?:d[ée]tect[ée]|trouv[ée])|infect[ée]", 3),
        # Amavis (p5-sisimai Lhost/Amavis.pm): "554 5.7.0 Reject, id=NNN - VIRUS: name" / "- INFECTED: name"
        (r"reject, id=\S+ - (?:virus|infected)", 4),
        (r"virus (?:detected|found|infected)|infected with a virus|contains? (?:a )?virus", 3),
        (r"\bvirus\b", 2),
        (r"malware|malicious (?:content|url|attachment)|phishing", 3),
        (r"potentially executable attachment", 3),
        (r"used by recent viruses", 3),
        (r"prohibited virus", 3),
        (r"\binfected: \S|\binfected (?:file|attachment|message|content)", 3),
        (r"virus d[ée]tect[ée]", 3),
        (r"mcspamsignature|\bvirus signature", 2),
    ],
    "policyviolation": [
        # Exchange Online NDR for 5.7.1 TRANSPORT.RULES ('created an email rule restriction'), en and fr
        (r"created an email rule restriction|a cr[ée]{1,2} une restriction de r[èe]gle", 4),
        # Cyrus lmtpd / Courier: 'You do not have permission to post a message to this mailbox'
        (r"(?:do not|don't) have permission to post (?:a message )?to this mailbox", 3),
        (r"attachments? (?:of type \S+ )?(?:is|are) not (?:permitted|allowed|accepted)", 3),
        (r"(?:doesn't|does not|don't|do not) accept (?:messages|mail|e-?mails?) from (?:outside|external|unknown)|restricted by (?:the|an|your) (?:administrator|admin|organi[sz]ation)", 4),  # noqa: E501
        (r"(?:prohibited|forbidden|blocked|not allowed|disallowed) (?:attachment|file) (?:type|extension)s?|pi[èe]ce jointe (?:interdite|non autoris[ée]e|bloqu[ée]e)|type de (?:pi[èe]ce jointe|fichier) (?:interdit|non autoris[ée])", 4),  # noqa: E501
        # French: refused by the recipient organisation's rule
        (r"r[èe]gle (?:de |d'|de l')?(?:l')?organisation|politique (?:de|d') ?(?:l')?organisation|(?:rejet[ée]|refus[ée]|bloqu[ée]) par (?:une |la )?(?:r[èe]gle|politique)", 3),  # noqa: E501
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"without solving a captcha", 3),  # reason/why-policyviolation.go:48 (drop ratelimited 'exceeded .{0,40}allowable number of posts')  # noqa: E501
        (r"content presents a potential security issue", 3),  # rhost/for-google.go:308
        (r"attachment (?:extension|type|file type)s? (?:is |are )?(?:forbidden|not allowed|prohibited|blocked)|anti-spoofing policy|content examination policy|no data before greeting|x-dg-ref header is too long|host network, not allowed", 3),  # rhost/for-cox.go:113-114; rhost/for-mimecast.go:175-186; rhost/for-microsoft.go:395  # noqa: E501
        (r"sending messages with the same message-id", 4),  # rhost/for-google.go:320 (421 4.7.28; must beat mailboxfull 'exceeded its quota')  # noqa: E501
        # The sentences of Exchange's NDR for a restricted recipient or group (what the sender reads;
        # 4: they decide over the RESOLVER.RST token, which Sisimai reads as a refused sender when it
        # is all the report gives)
        (r"(?:do not|don't) have permission to send to|not (?:authorized|allowed|permitted) to send (?:e-?mail |messages )?to (?:this|the) (?:recipient|group|list|address)", 4),  # noqa: E501
        (r"only accepts messages from|delivery to this address is restricted|set up to reject messages from|group's list of allowed senders", 4),  # noqa: E501
        (r"has a policy that prohibits|violates .{0,60}policy|r[èe]gle qui interdit", 3),
        (r"n'[êe]tes pas autoris[ée]s? [àa] envoyer|n'avez pas l'autorisation d'envoyer|n'accepte que les messages", 4),
        (r"(?:ne figurez pas dans|pas dans) la liste des exp[ée]diteurs autoris[ée]s|remise [àa] cette adresse est restreinte", 4),  # noqa: E501
        (r"has a policy that prohibited|sending messages with the same message-id", 3),
        (r"does not allow external forwarding", 3),
        (r"not accepting mail with", 3),
        (r"messages with multiple addresses", 2),
        (r"(?:rejected|denied|not accepted|blocked) (?:for|by|due to|per) (?:local |security |organizational |organization |content )?polic(?:y|ies)", 3),  # noqa: E501
        (r"polic(?:y|ies) (?:reasons?|violation|restriction)", 3),
        (r"denied by policy", 3),
        (r"protocol violation", 3),
        (r"local policy", 2),
        (r"illegal attachment", 3),
        (r"members-only list|closed mailing list", 3),
        (r"header error|header are not accepted", 3),
        (r"message given low priority", 3),
        (r"organizational settings|organization policy", 3),
        (r"mass mailer", 3),
        (r"we do not accept messages containing images or other attachments", 3),
        (r"not subscribed to this group", 3),
        (r"not accepting mail with (?:attachments|embedded images)", 3),
        (r"this message was blocked because its content presents a potential", 3),
        (r"politique (?:de s[ée]curit[ée]|locale)|contraire [àa] la politique", 3),
    ],
    "systemerror": [
        # Courier courierd / qmail chkuser: the server is overloaded or down for a while
        (r"\btoo much load\b|system temporar(?:y|ily) unavailable", 3),
        (r"(?:mail )?server is down|serveur (?:est )?en panne", 2),
        (r"service (?:temporairement )?indisponible|hors service|erreur interne|internal (?:server )?error", 2),
        # Gmail SMTP errors and codes: 421 4.4.5 (X.4.5 alone would read as a full system)
        (r"server busy,? try again later", 4),
        # Exchange Online NDR "For Email Administrators" texts (5.7.103 and the other service-side
        # DSNs, learn.microsoft.com "Email non-delivery reports and SMTP errors in Exchange Online"):
        # "this is likely a temporary service error"; fr-fr: "erreur de service temporaire"
        (r"temporary service (?:error|issue|problem)|erreur (?:de service temporaire|temporaire du service)", 3),
        # Zoho Mail's documented reply "452 4.3.1 Temporary System Error" (Zoho SMTP error codes): the
        # words say a system error whatever the code's subject (X.3.1 alone reads as a full system)
        (r"\b(?:temporary|transient) system (?:error|failure|problem)\b|erreur temporaire du syst[eè]me", 4),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"aliasing/forwarding loop broken|(?:temporary mta failure|rejected by next-hop mta) on relaying|unable to relay message back to mta", 4),  # reason/why-systemerror.go:23; p5 lib/Sisimai/Lhost/Amavis.pm:81-83  # noqa: E501
        (r"service not active|system incorrectly configured|pfa agent busy|message failed to be replicated|suspiciousremoteservererror|helo / ehlo requires domain address|resolver\.adr\.(?:badprimary|invalidinsmtp|ambiguous)", 3),  # rhost/for-microsoft.go:609-655; lhost/via-exchange2007.go:64,69,70  # noqa: E501
        (r"unable to process (?:connection|command|an email)\b|message ended early|server temporarily not available|dns violates rfc ?1035|temporary file write error|too many results returned but needs to be unique|no proxy for recipient", 3),  # rhost/for-mimecast.go:220-237; rhost/for-cox.go:123; lhost/via-courier.go:48; lda/lib.go:43; lhost/via-qmail.go:126; lhost/via-exchange2003.go:70  # noqa: E501
        # qmail / qmail-ldap wordings (qmail-remote.c, qmail-local.c)
        (r'bad interpreter: no such file or directory', 3),
        (r'automatic homedir creator crashed|illegal value in ldap attribute|ldap attribute is not given', 3),
        (r'timeout while performing search on ldap server|temporary failure in ldap lookup', 3),
        (r'unable to (?:contact|login into) ldap server|error while executing qmail-forward', 3),
        (r'temporary error in automatic homedir creation', 3),
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"delivery to (?:file|pipe) forbidden|local delivery failed|lmtp error after", 3),
        (r"several matches found in domino directory", 3),
        (r"probl[èe]me (?:syst[èe]me|de syst[èe]me) temporaire", 3),
        (r"temporary system problem|server busy|multiple destination domains per transaction", 3),
        (r"temporarily rejected (?:this )?message|domain policy size per transaction", 3),
        # "temporary failure" alone names no reason (onhold): only the status code can say more
        (r"(?:internal|local|system|server) (?:server )?(?:error|problem|failure)", 2),
        (r"\bqq (?:temporary|read|write) (?:problem|error)", 3),  # qmail-smtpd.c: the queue failed
        (r"configuration error|misconfigured|system config error", 3),
        (r"it would create a mail loop|loops back to myself|loop was found", 2),
        (r"service (?:currently|temporarily) unavailable", 2),
        (r"transaction failed", 2),
        (r"interrupted system call", 3),
        (r"temporary lookup failure", 3),
        (r"transient (?:exception|error|failure)", 3),
        (r"timeout waiting for input", 3),
        (r"queue file write error", 3),
        (r"error in processing", 2),
        (r"could not load drd", 3),
        (r"can't create user output file", 3),
        (r"recipient deferred because there is no mdb", 3),
        (r"unable to connect .{0,40}daemon", 2),
        (r"operation now in progress", 2),
        (r"it encountered an error while being processed", 3),
        (r"erreur (?:interne|syst[èe]me|temporaire)", 2),
        (r"other mail system problem", 2),
    ],
    "networkerror": [
        # Mail clients' own send errors, pasted as often as bounces: Thunderbird composeMsgs.properties
        # (smtpSendFailedUnknownServer, smtpSendRequestRefused, smtpSendInterrupted, smtpSendTimeout; en and
        # thunderbird-l10n fr) and Roundcube's program/localization/*/messages.inc (smtpconnerror)
        (r"(?:outgoing server \(smtp\)|serveur sortant \(smtp\)) \S*\s?\S+\s?\S* (?:is unknown|est inconnu)", 4),
        (r"(?:connecting|connection) to outgoing server \(smtp\) .{0,80}(?:failed|was lost|timed out)|connexion au serveur sortant \(smtp\) .{0,80}(?:a [ée]chou[ée]|a [ée]t[ée] perdue|a expir[ée])", 4),  # noqa: E501
        (r"smtp error \(\d{3}\): connection to server failed|erreur smtp \(\d{3}\) : [ée]chec lors de la connexion au serveur", 4),  # noqa: E501
        # hMailServer ExternalDelivery.cpp: 'Unable to find the recipient's email server. The DNS query has failed.'
        (r"the dns query has failed", 3),
        # Sendmail dnsbl.m4 ('Temporary lookup failure of $&{client_addr} at <zone>'): the DNS list could not be
        # asked, which is not a listing (Postfix's bare '<addr>: Temporary lookup failure' is a table: systemerror)
        (r"temporary lookup failure of \S+ at \S+", 4),
        (r"domain has a (?:dns )?configuration problem|dns configuration (?:problem|error)", 2),
        (r"erreur dns (?:temporaire|transitoire)|temporary dns (?:failure|error)", 3),
        (r"\bmail loop\b|\bloop (?:was )?detected", 3),
        # Exchange Online NDR for 5.4.14 / 5.4.6 (routing loop), English and French
        (r"caused the message to bounce between two servers|renvoi du message entre deux serveurs", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"exceeded (?:the )?maximum hop count|maximum hop count exceeded|had no relevant answers|host lookup did not complete", 3),  # lhost/via-notes.go:28; rhost/for-gsuite.go:24; Exim (host lookup did not complete)  # noqa: E501
        (r"smtpsend\.dns\.mxloopback|mx record loops back", 4),  # lhost/via-exchange2007.go:63
        (r"message is looping|already has my delivered-to line", 3),  # rhost/for-godaddy.go:203 (says systemerror); qmail-local wording  # noqa: E501
        (r"remote host closed connection|lost connection with \S+ while", 2),  # (not in Sisimai; Exim/Postfix wording; status 4.4.2 -> networkerror)  # noqa: E501
        (r"the incorrect hostname used for inbounds", 3),  # rhost/for-mimecast.go:132
        (r"too many hops|hop count exceeded|mail forwarding loop|boucle de messagerie|d[ée]pass[ée] \d+ sauts", 4),  # Sisimai-consistent split of a wider rule (see the reasons' sources)  # noqa: E501
        (r"suspected mail loop|routing loop", 3),  # Sisimai-consistent split of a wider rule (see the reasons' sources)
        (r"no valid route to (?:remote mx|destination)", 3),  # Sisimai-consistent split of a wider rule (see the reasons' sources)  # noqa: E501
        (r"connect to \S+: connection (?:refused|reset)|connection refused\.?$", 1),
        # qmail / qmail-ldap wordings (qmail-remote.c, qmail-local.c)
        (r"wasn't able to establish an smtp connection", 3),
        (r'listed as a best-preference mx or a for that host', 3),
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"address family mismatch on destination mxs|all routes to destination blocked", 3),
        (r"bad dns lookup error code|could not retrieve source address|\bloop detected\b", 3),
        (r"temporary failure in mx lookup", 3),
        # a temporary DNS failure is said with "temporary failure": decisive over a system error
        (r"dns (?:temporary|temporarily) (?:failure|error)|temporary (?:dns|name (?:server|resolution)) (?:failure|error)|temporary failure in name resolution", 4),  # noqa: E501
        (r"message exceeded \d+ hops", 3),
        (r"host not found, try again", 4),
        (r"name service error|name server", 1),
        (r"dns (?:lookup|error|failure|resolution|query failed)|lookup (?:failure|failed)", 2),
        (r"host name lookup failure|host not found, try again|malformed (?:or unexpected )?name server reply", 3),
        (r"no route to host|host is unreachable|network (?:is )?unreachable|network error", 3),
        (r"hop count exceeded|too many hops|message looping|message probably in a routing loop|forwarding loop", 3),
        (r"unable to resolve|unrouteable mail domain|could not connect and send", 2),
        (r"\bnxdomain\b|\bservfail\b", 2),
        (r"dns records for the destination computer could not be found", 3),
    ],
    "systemfull": [
        (r"(?:run|ran) out of (?:disk|storage) space|out of disk space|server'?s? disk is full", 3),
        (r"serveur .{0,40}(?:est )?satur[ée]|(?:disque|stockage) du serveur (?:est )?plein", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"insufficient system resources?\b|no space left to finish writing", 3),  # rhost/for-microsoft.go:666; lda/lib.go:54  # noqa: E501
        # qmail / qmail-ldap wordings (qmail-remote.c, qmail-local.c)
        (r'mailbox unavailable \(not enough free space\)', 4),
        (r"mail system full", 3),
        (r"insufficient (?:system )?storage", 3),
        (r"system (?:storage|disk) (?:is )?full", 3),
        (r"requested mail action aborted: exceeded storage allocation", 2),
        (r"server (?:is )?(?:out of|low on) (?:disk|storage)", 3),
    ],
    "notaccept": [
        (r"(?:configured|set up) not to (?:receive|accept) (?:e-?mail|mail|messages)|no longer accept(?:s|ing)? (?:e-?mail|mail|messages)|n'accepte (?:pas|plus) (?:de |d')?(?:courrier|e-?mails?|messages)", 3),  # noqa: E501
        # a domain without an MX record takes no mail (OpenSMTPD "No MX found for domain"; English and
        # French notices); "no MX or A records" (no mail host at all) stays an unknown host
        (r"(?:has no|have no|without|no) (?:valid )?mx records?\b|(?:n'a pas|sans|aucun) (?:d')?enregistrements? mx", 3),  # noqa: E501
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"system not accepting network messages|hosted tenant which has no mail-enabled subscriptions|account inbounds disabled|missing or bad storedriver mdb properties", 3),  # rhost/for-microsoft.go:379-387; rhost/for-mimecast.go:153  # noqa: E501
        (r"no mx found for (?:domain|destination)", 3),  # lhost/via-opensmtpd.go:95-96 (move it from networkerror)
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"an mx or srv record indicated no smtp service", 3),
        (r"no host found for existing smtp connection", 3),
        (r"destination seem to reject all mails", 3),
        (r"name server: \.: host not found", 4),
        (r"does not accept (?:any )?mail", 3),
        (r"null ?mx|rfc ?7505", 4),
        (r"doesn't receive email", 3),
        (r"mail receiving disabled", 3),
        (r"no mx record found", 3),
        (r"accepts no mail", 3),
        (r"no route for current request", 2),
        (r"smtp protocol returned a permanent error", 2),
        (r"couldn't find a mail exchanger or ip address", 4),
        (r"name server: \.: host not found", 3),
    ],
    "expired": [
        # Exim delay warning (src/src/deliver.c, 'has not yet been delivered to one or more of its recipients')
        (r"has not yet been delivered to one or more of its recipients", 4),
        (r"took too long|too long to deliver", 3),
        (r"a [ée]t[ée] retard[ée]|continuera [àa] essayer", 3),
        (r"nouvelles tentatives (?:pendant|durant|jusqu)|temporairement indisponible", 2),
        (r"ne r[ée]pond pas|renvoy[ée] ult[ée]rieurement|d[ée]lai (?:imparti|de remise)|dans les d[ée]lais", 3),
        (r"(?:we'll|we will|will) (?:retry|try again) later", 2),
        # "we'll keep trying" / French "nouvelle tentative dans 30 minutes"
        (r"(?:will|we'll|we will) (?:keep|continue) trying to deliver|nouvelle tentative (?:dans|pr[ée]vue)|impossible de joindre le serveur", 3),  # noqa: E501
        # Exchange Online: "550 5.4.300 Message expired -> <the last error>" (the NDR's own format);
        # the French Postfix delay template ("Courrier retardé", "De nouvelles tentatives seront faites")
        (r"message expired ->", 4),
        (r"courrier retard[ée]|de nouvelles tentatives seront faites", 3),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"\bmessage delayed\b", 2),  # rhost/for-microsoft.go:175
        (r"could not deliver for the last \d+ (?:seconds|minutes|hours|days)|delivery failed \d+ attempts", 3),  # lhost/via-dragonfly.go:54; lhost/via-imailserver.go:39  # noqa: E501
        (r"no action is required on your part|message is administratively expired", 2),  # lhost/via-exim.go:168 (delay warning); Postfix qmgr (4.7.0 administratively expired)  # noqa: E501
        (r"cannot send message (?:for|within) \d+ (?:days?|hours?)|could not send message for past \d+", 3),  # Sendmail deliver.c wording (status 4.4.7); cf. lhost/via-sendmail.go:30-34,166-170  # noqa: E501
        (r"could not contact dns servers", 4),  # lhost/via-gmail.go:82
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"will retry for \d+ more (?:hours|days)|delivery incomplete|temporary problem delivering", 3),
        (r"ha(?:s|sn't) (?:not )?(?:yet )?been delivered(?: yet)?|not yet been delivered", 3),
        (r"delivery (?:to (?:the following|these) recipients? .{0,40})?(?:has been|was|is) delayed", 3),
        (r"warning: message \S+ delayed|could not send message for (?:the )?past \d+", 3),
        (r"this is a warning message only", 3),
        (r"remise (?:est )?retard[ée]e|(?:distribution|remise|livraison) .{0,60}a [ée]t[ée] retard[ée]e", 3),
        (r"pas encore [ée]t[ée] (?:remis|distribu[ée]|livr[ée])|tentatives de remise (?:vont se poursuivre|continueront)", 3),  # noqa: E501
        (r"continuera d'essayer|sera renvoy[ée] pendant|n'a pu [êe]tre (?:envoy|remis|distribu)\S* (?:ces|depuis|pendant) \d+", 3),  # noqa: E501
        (r"la distribution n'est pas termin[ée]e|probl[èe]me temporaire a emp[êe]ch[ée]", 3),
        (r"has been frozen|was frozen on arrival", 3),
        (r"connection expired", 2),
        (r"timeout - closing connection", 3),
        (r"queue expired", 3),
        (r"failed to deliver to domain", 3),
        (r"could not be delivered for more than", 3),
        (r"(?:delivery|message|envelope) (?:time |has )?expired", 3),
        (r"retry time(?:out)? (?:exceeded|not reached)", 3),
        (r"(?:could not|unable to) (?:be )?deliver(?:ed)? (?:for|in|after|within) (?:the last |more than )?\d", 3),
        (r"not (?:been )?delivered (?:for|within) \d", 3),
        (r"giving up", 2),
        (r"timed out|connection time-?out|timeout", 2),
        (r"has been delayed|delivery (?:has been )?delayed|still undelivered|will (?:keep trying|be retried)", 2),
        (r"been in the queue too long|queue period|sitting in (?:the )?queue", 3),
        (r"did not accept our requests to connect", 3),
        (r"remote host is not responding|server did not respond|not reachable within", 2),
        (r"could not find a gateway", 3),
        (r"unable to deliver (?:this )?message after", 3),
        (r"delivery attempts will continue", 2),
        (r"failing for a long time|have been failing", 2),
        (r"delivery expired|message timed out", 3),
        (r"host not reachable", 2),
        (r"d[ée]lai (?:de (?:livraison|remise) )?(?:d[ée]pass[ée]|expir[ée])", 3),
        (r"resources temporarily unavailable", 2),
        (r"it has not been collected after", 3),
    ],
    "failedstarttls": [
        # Thunderbird startTlsFailed (en, fr); Postfix smtpd.c '454 4.7.0 TLS not available due to local problem'
        (r"(?:unable to establish a secure link|impossible d'[ée]tablir un lien s[ée]curis[ée]) .{0,80}starttls", 4),
        (r"\btls (?:is )?currently unavailable\b", 3),
        (r"certificat (?:tls|ssl)? ?(?:invalide|expir[ée])|connexion s[ée]curis[ée]e|(?:invalid|expired|untrusted) (?:tls |ssl )?certificate", 3),  # noqa: E501
        (r"requires? (?:a )?(?:starttls|tls|encryption)\b", 3),
        (r"(?:connexion|chiffrement) tls (?:est )?(?:requis|obligatoire|exig[ée])|tls (?:requis|obligatoire)", 3),
        # Gmail SMTP errors and codes: 421 4.7.29 / 550 5.7.29
        (r"(?:not using|wasn't sent over|was not sent over) a tls connection", 4),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"tlsa-invalid|dnssec-invalid|certificate-host-mismatch|failed dane validation|restrictdomainsto(?:ipaddresses|certificate)|\bmta-sts\b", 3),  # rhost/for-microsoft.go:204-262  # noqa: E501
        (r"this route requires (?:encryption|tls|high-strength ciphers)|requires tls version|server certificate not (?:verified|trusted)", 3),  # rhost/for-mimecast.go:99-117; Postfix smtp_proto.c  # noqa: E501
        (r"tls required for rcpt domain|senders to use tls/ssl", 3),
        (r"failed mta-sts validation|starttls-not-supported|certificate-expired", 3),
        (r"starttls|\btls\b.{0,40}(?:required|not (?:supported|available)|handshake|negotiation|failed)", 3),
        # "TLS not available due to local problem": the TLS session is the reason, not the local problem
        (r"\b(?:starttls|tls) (?:is )?(?:not available|unavailable|not supported|required)", 4),
        (r"does not support tls|must issue a starttls|encryption required|requiretls", 3),
        (r"ssl (?:handshake|error)|certificate (?:verification|validation|expired|error)", 2),
    ],
    "securityerror": [
        # Thunderbird smtpAuthFailure / smtpAuthMechNotSupported (en, fr)
        (r"unable to authenticate to outgoing server|impossible de s'authentifier sur le serveur sortant", 4),
        # Courier / qmail-smtpd auth patches and Haraka auth: AUTH refused on a clear-text channel
        (r"auth(?:entication)? (?:over (?:an )?insecure channel|not available without tls)", 4),
        (r"\bmust be authenticated\b", 3),
        (r"authentification (?:smtp )?(?:requise|obligatoire|n[ée]cessaire)|smtp auth(?:entication)? (?:is )?required|authentication required", 3),  # noqa: E501
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"incorrect authentication data|submitter failed to authenticate|cannot achieve exchange server authentication", 3),  # rhost/for-mimecast.go:212-214; rhost/for-microsoft.go:498; Exim smtp_in.c  # noqa: E501
        (r"not authenticated to send anonymous mail", 4),  # rhost/for-microsoft.go:513
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"could not retrieve credentials|turn on smtp authentication", 3),
        (r"too many login attempts|no identity changes permitted", 3),
        (r"application-specific password required|log in (?:with|through) your web browser", 3),
        (r"username and password not accepted|authentication unsuccessful", 3),
        (r"you don't authenticate", 3),
        (r"authentication (?:required|failure|failed|credentials invalid)", 3),
        (r"(?:must|need to) authenticate", 3),
        (r"unauthenticated senders? not allowed", 3),
        (r"not authorized to send mail", 3),
        (r"authentication turned on in your email client", 3),
        (r"verification failure", 2),
        (r"account not subscribed to ses", 3),
        (r"is a dead domain", 2),
        (r"executable files are not allowed", 3),
        (r"not authorized to perform ses:sendrawemail", 3),
        (r"does not advertise auth capability", 1),
        (r"authentification (?:requise|invalide)", 3),
        (r"\bsecurity\b", 1),
    ],
    "mailererror": [
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"command time limit exceeded|child process of \S+ transport returned", 3),  # (Postfix local/pipe; Exim pipe transport) — cf. reason/why-mailererror.go  # noqa: E501
        (r"\|\| ?exit\b", 3),
        (r"maidrop|maildrop:", 3),
        (r"procmail|maildrop|bin/sh|command (?:output|failed|died)|\|\| exit |pipe to \|", 3),
        (r"mailer error|unknown mailer error", 3),
        (r"x-unix;", 3),
        (r"program (?:exited|failed)", 2),
    ],
    "syntaxerror": [
        # Thunderbird errorIllegalLocalPart2 (en, fr): the sending server lacks SMTPUTF8
        (r"non-ascii characters in the local part|caract[èe]res non ascii .{0,40}partie locale", 4),
        # From the writers, as Sisimai's reason and host tables record them (go-sisimai, BSD-2-Clause):
        (r"send hello first|command parameter not implemented|improper use of smtp command pipelining|xoauth is no longer supported", 3),  # rhost/for-microsoft.go:593; rhost/for-nttdocomo.go:24; rhost/for-google.go:476; Postfix smtpd_check.c  # noqa: E501
        (r"smtp protocol violation", 4),  # rhost/for-google.go:445 (beat policyviolation 'protocol violation')
        # MTA wordings (Exim deliver.c, OpenSMTPD mta.c, Domino, iCloud, au/KDDI, MessageLabs)
        (r"angle-brackets nested too deep|domain missing in source-routed address", 3),
        (r'expected word or "<"', 3),
        (r"smtp protocol violation|optional argument not permitted|bad sequence of commands", 3),
        (r"unimplemented command|(?:ehlo/helo|mail|rcpt) first\b|no data after bdat", 3),
        (r"unrecognized authentication type|too many unauthenticated commands", 3),
        (r"syntax error|command (?:not )?(?:recognized|unrecognized)|unrecognized command|bad sequence of commands", 3),
        (r"malformed (?:recipient )?address|may not follow|address syntax|invalid (?:command|argument)", 2),
        (r"line too long|command line too long", 2),
    ],
    "onhold": [
    ],
    "undefined": [
    ],
}

# Local delivery agents and what each says about its own failures (after Sisimai's lda/lib.go,
# BSD-2-Clause; dovecot/src/deliver/deliver.c for Dovecot's "was automatically rejected" text).
# When an agent is named and one of its wordings matches, that reason stands; an agent failure
# with none of them is "mailererror".
LOCAL_AGENTS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "dovecot": (("your message to <", "> was automatically rejected:"), {
        "mailboxfull": ("not enough disk space", "quota exceeded"),
        "userunknown": ("mailbox doesn't exist: ",)}),
    "mail.local": (("mail.local: ",), {
        "mailboxfull": ("disc quota exceeded", "mailbox full or quota exceeded"),
        "systemerror": ("temporary file write error",),
        "userunknown": (": invalid mailbox path", ": unknown user:", ": user missing home directory", ": user unknown")}),  # noqa: E501
    "procmail": (("procmail: ", "/procmail "), {
        "mailboxfull": ("quota exceeded while writing", "user over quota"),
        "systemerror": ("service unavailable",),
        "systemfull": ("no space left to finish writing",)}),
    "maildrop": (("maildrop: ",), {
        "mailboxfull": ("maildir over quota.",),
        "userunknown": ("cannot find system user", "invalid user specified.")}),
    "vpopmail": (("vdelivermail: ",), {
        "filtered": ("user does not exist, but will deliver to ",),
        "mailboxfull": ("domain is over quota", "user is over quota"),
        "suspend": ("account is locked email bounced",),
        "userunknown": ("sorry, no mailbox here by that name.",)}),
    "vmailmgr": (("vdeliver: ",), {
        "mailboxfull": ("delivery failed due to system quota violation",),
        "userunknown": ("invalid or unknown base user or domain", "invalid or unknown virtual user",
                        "user name does not refer to a virtual user")}),
}


def local_agent_reason(diagnostic: str) -> tuple[str, str] | None:
    """(category, evidence) when a local delivery agent wrote the diagnostic, else None."""
    low = diagnostic.lower()
    for agent, (markers, table) in LOCAL_AGENTS.items():
        if not any(m in low for m in markers):
            continue
        for category, wordings in table.items():
            for w in wordings:
                if w in low:
                    return category, w.strip(" :.")
        return "mailererror", agent
    return None


# the wordings read in the writers' own files (mail clients, RFC 5321 texts in French, MTA sources)
for _cat, _rules in WRITER_RULES.items():
    RULES[_cat].extend(_rules)

# Names of Sisimai reasons that the site merged into its categories.
ALIASES = {"mesgtoobig": "emailtoolarge", "exceedlimit": "emailtoolarge", "speeding": "ratelimited",
           "toomanyconn": "ratelimited", "suppressed": "rejected", "vacation": "onhold", "feedback": "onhold",
           "delivered": "undefined"}

CATEGORIES: tuple[str, ...] = tuple(RULES)
