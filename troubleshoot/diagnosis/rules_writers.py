"""More built-in wordings, each family read in the program or the page that writes it.

Same shape as :data:`.rules.RULES` (``category -> [(pattern, weight)]``, RE2, matched
case-insensitively on collapsed text, an ASCII apostrophe also matching ’), merged into it at
import. Kept apart because these come from the writers' own files, cited per family:

- mail clients' send errors, which senders paste as often as bounces: Thunderbird
  ``mail/locales/en-US/chrome/messenger/messengercompose/composeMsgs.properties``
  (github.com/mozilla/releases-comm-central) and its French localisation
  (github.com/thunderbird/thunderbird-l10n ``fr/mail/chrome/messenger/messengercompose/composeMsgs.properties``);
  Roundcube ``program/localization/{en_US,fr_FR}/messages.inc`` (github.com/roundcube/roundcubemail);
- the reply texts of RFC 5321 section 4.2 and the French renderings that French hosts and help
  pages print beside them (e.g. https://un-pas-en-avant.eu/code-erreurs-smtp,
  https://gladir.com/LEXIQUE/SMTP/statuscodes.htm);
- MTA source files, named next to each rule.

A wrapper sentence that only says a reply follows ("The server responded: …") is never a rule:
the reply it wraps decides.
"""

from __future__ import annotations

_PAIRS: list[tuple[str, list[tuple[str, int]]]] = [
    ("securityerror", [
        # Thunderbird composeMsgs.properties: smtpAuthGssapi, smtpAuthMechNotSupported,
        # smtpHintAuthPlainToEncrypt, smtpHintAuthEncryptToPlain*, smtpPasswordUndefined (en, fr)
        (r"kerberos/gssapi ticket was not accepted|ticket kerberos/gssapi n'a pas [ée]t[ée] accept[ée]", 4),
        (r"does not support the selected authentication method|ne g[èe]re pas la m[ée]thode d'authentification", 4),
        (r"does not (?:allow plaintext|seem to support encrypted) passwords|n'autorise pas les mots de passe non chiffr[ée]s|ne semble pas g[ée]rer les mots de passe chiffr[ée]s", 4),  # noqa: E501
        (r"could not get password for|impossible d'obtenir le mot de passe", 4),
        # Roundcube messages.inc smtpautherror (fr_FR: "Erreur SMTP (…) : échec d’authentification")
        (r"[ée]chec (?:de l'|d')authentification|l'authentification (?:smtp )?a [ée]chou[ée]", 3),
    ]),
    ("networkerror", [
        # Thunderbird composeMsgs.properties communicationsError (en, fr)
        (r"a communications error occurred: \d+|une erreur de communication s'est produite", 3),
        # Roundcube messages.inc smtpconnerror, fr_FR of 1.5+ ("échec de connexion au serveur")
        (r"erreur smtp \(\d{3}\) : [ée]chec de (?:la )?connexion au serveur", 4),
        # a DNS look-up that timed out is a network failure, not an expired delivery: Haraka
        # haraka-plugin-helo.checks ("DNS timeout resolving your HELO hostname"), Exim host.c ("host lookup
        # did not complete"), Postfix dns_lookup.c ("Host or domain name not found. Name service error ...
        # type=MX: Host not found, try again")
        (r"dns (?:lookup |query |resolution )?time(?:d )?out|time(?:d)? ?out (?:while )?(?:resolving|looking up)", 3),
    ]),
    ("syntaxerror", [
        # Roundcube messages.inc smtprecipientserror and smtputf8error (en, fr): the client's own
        # refusal of the address list, like Thunderbird's errorIllegalLocalPart2 (rules.py)
        (r"unable to parse recipients list|impossible d'analyser la liste des destinataires", 4),
        (r"server does not support unicode in e-?mail address|serveur ne prend pas en charge unicode dans l'adresse", 4),
        # RFC 5321 4.2.2 reply texts (500-504) as French hosts print them: "Erreur de syntaxe, commande non
        # reconnue", "Erreur de syntaxe dans les paramètres ou arguments", "Commande non implémentée",
        # "Mauvaise séquence de commandes", "Paramètre de commande non implémenté"
        (r"erreur de syntaxe|commande (?:non (?:reconnue|impl[ée]ment[ée]e)|inconnue)|(?:mauvaise|mauvais ordre de) s[ée]quence de commandes|param[èe]tre de commande non impl[ée]ment[ée]", 3),  # noqa: E501
    ]),
    ("userunknown", [
        # Exim src/src/configure.default, acl_check_rcpt: "deny message = Restricted characters in address"
        # (a local part with characters the default configuration refuses): the address is refused
        (r"restricted characters in address", 3),
        # Google, "About SMTP error messages" in French (knowledge.workspace.google.com, hl=fr): "Le
        # destinataire visé n'est pas inscrit auprès du service"
        (r"(?:destinataire|utilisateur)s? (?:vis[ée] )?n'est pas inscrit", 3),
    ]),
    ("notcompliantrfc", [
        # lines that do not end in CRLF (RFC 5321 2.3.8): Postfix src/global/cleanup_strerror.c and
        # smtpd.c ("bare <LF> received", smtpd_forbid_bare_newline), Cyrus imap/imap_err.et ("Message
        # contains bare newlines"), notqmail qmail-remote.c ("SMTP cannot transfer messages with partial
        # final lines")
        (r"bare <?lf>? received|contains bare (?:newlines|cr|lf)|messages? with partial final lines", 4),
    ]),
    ("syntaxerror", [
        # Postfix src/smtpd/smtpd_check.c reject_unauth_pipelining: "<helo>: Helo command rejected: Improper
        # use of SMTP command pipelining": the client broke the protocol; "Helo command rejected" only says where it was caught
        (r"improper use of smtp command pipelining", 4),
    ]),
    ("authfailure", [
        # OpenDKIM opendkim/opendkim.c (On-BadSignature / On-SignatureError reject replies): "DKIM signature
        # syntax error", "DKIM signature verification failed"
        (r"dkim signature (?:syntax error|verification failed|invalid|missing)", 4),
    ]),
    ("mailererror", [
        # notqmail qmail-local.c: "Uh-oh: .qmail file is writable", "Uh-oh: home directory is writable"
        # (local delivery refused because of unsafe permissions)
        (r"uh-oh: (?:\.qmail file|home directory) is writable", 4),
    ]),
    ("blocked", [
        # Haraka connection.js: the default text of a DENY at the connect hook
        (r"your mail is not welcome here", 3),
    ]),
    ("emailtoolarge", [
        # Roundcube messages.inc smtpsizeerror, fr_FR ("la taille du courriel dépasse la limite du serveur")
        (r"taille du (?:courriel|message|e-?mail) d[ée]passe la limite", 4),
    ]),
    ("ratelimited", [
        # Roundcube messages.inc senttooquickly (en; fr_FR old and new: "Veuillez patienter 30 s" /
        # "Patientez 30 s avant d’envoyer ce courriel"): the webmail's minimum delay between sends
        (r"(?:please wait|(?:veuillez )?patiente[zr]) \d+ ?(?:sec\S*|s)\.? (?:before sending|avant d'envoyer)", 4),
    ]),
    ("rejected", [
        # Exim src/src/smtp_in.c (smtp_handle_acl_fail, af_verify_pmfail): "Postmaster verification failed
        # while checking <sender>" ... "This host does not accept mail from domains whose servers reject the
        # postmaster address": the sender's domain is refused, whatever the nested "User unknown" says
        (r"postmaster verification failed while checking", 4),
        # Thunderbird couldNotGetUsersMailAddress(2) (en, fr): the sender's own address is not valid
        (r"the return mail address was invalid|l'adresse de l'exp[ée]diteur \(de ?:\) n'est pas valide", 4),
    ]),
    ("systemerror", [
        # RFC 5321 4.2.2 "450 Requested mail action not taken: mailbox unavailable (e.g., mailbox busy)"
        # and its French rendering ("boîte aux lettres occupée"): the mailbox exists and is busy for now
        (r"mailbox (?:is )?busy|bo[iî]te(?: |-)aux(?: |-)lettres (?:est )?occup[ée]e", 4),
        # RFC 5321 "451 Requested action aborted: local error in processing", in French ("erreur locale de
        # traitement", "Action arrêtée : erreur de traitement")
        (r"erreur (?:locale )?(?:de|lors du) traitement|local error in processing", 3),
        # RFC 5321 "421 <domain> Service not available, closing transmission channel", in French
        # ("Service non disponible, canal en fermeture"; "service momentanément indisponible")
        (r"service non disponible|service momentan[ée]ment (?:indisponible|non disponible)", 2),
    ]),
    ("systemerror", [
        # a content scanner that did not answer in time is the receiving side's own trouble, not an
        # expired delivery (Haraka haraka-plugin-spamassassin index.js: "spamd scan timeout")
        (r"(?:spamd|clamd|scanner|virus ?scan|content ?scan|scan) (?:\S+ )?(?:timeout|timed out|unavailable|not responding)", 3),
    ]),
    ("systemfull", [
        # RFC 5321 "452 Requested action not taken: insufficient system storage", in French ("manque de
        # ressources système", "espace de stockage système insuffisant")
        (r"manque de ressources (?:syst[èe]me|de stockage)|(?:ressources|stockage|espace) (?:du )?syst[èe]me (?:sont |est )?insuffisante?s?", 3),  # noqa: E501
    ]),
]

WRITER_RULES: dict[str, list[tuple[str, int]]] = {}
for _cat, _rules in _PAIRS:
    WRITER_RULES.setdefault(_cat, []).extend(_rules)
