"""Is it a bounce at all? Auto-replies, receipts and ordinary messages are told apart.

A visitor sometimes pastes or uploads what is not a delivery failure: an out-of-office reply, a
read or delivery receipt, an ordinary message. Guessing a reason for those would send them to
the wrong article, so the reader answers "this is not a bounce" instead (no category at all).
The signals come from the writers' specifications, and a message that shows any sign of being
a failure report (a delivery-status part that reports a failure, an ``X-Failed-Recipients``
header, a mail-system sender, SMTP codes, failure wording) is never called anything but a bounce:

- auto-replies: RFC 3834 section 5 (``Auto-Submitted: auto-replied``; anything but ``no`` is an
  automatic message), the de-facto vacation headers of the vacation(1) program and its followers
  (``Precedence: auto_reply``, ``X-Autoreply``, ``X-Autorespond``, ``X-Vacation``), and the subject
  prefixes Outlook / Exchange put on automatic replies ("Automatic reply:", « Réponse
  automatique : », "Out of Office:", « Absent du bureau : », "Abwesenheitsnotiz"). Postfix and
  others also mark their bounces ``Auto-Submitted: auto-replied`` (postfix/src/bounce/
  bounce_notify_util.c), which is why a mail-system sender or any failure sign wins;
- receipts: RFC 8098 message disposition notifications (``report-type=disposition-notification``:
  "Read:", « Lu : »), and RFC 3464 reports whose every recipient is ``delivered``, ``relayed`` or
  ``expanded`` (section 2.3.3: a success notice, e.g. Exchange's "Delivered:" / « Remis : »);
- ordinary messages: a whole message with none of the signs above.
"""

from __future__ import annotations

import re
from enum import StrEnum

from . import rx
from .mime import header

class NotABounce(StrEnum):
    """Why a text gets no result (the ``not_a_bounce`` value of the CLI and the API)."""

    AUTO_REPLY = "auto_reply"
    RECEIPT = "receipt"
    ORDINARY = "ordinary_message"
    NO_BOUNCE_TEXT = "no_bounce_text"


AUTO_REPLY, RECEIPT, ORDINARY, NO_BOUNCE_TEXT = NotABounce

# RFC 3464 section 2.3.3: the actions that report a failure or a delay
FAILURE_ACTIONS = frozenset({"failed", "delayed", "expired", "failure"})
SUCCESS_ACTIONS = frozenset({"delivered", "relayed", "expanded"})

# Local parts and display names of mail systems that write bounces (RFC 5321 section 4.5.5 has
# them sent from the null path; MTAs sign them MAILER-DAEMON, postmaster, "Mail Delivery System"
# (Postfix), "Mail Delivery Subsystem" (Sendmail, Gmail), "Microsoft Outlook" / "Mail Delivery
# System" (Exchange), "Mail Administrator" (Domino), ...).
_SYSTEM_SENDER_RE = re.compile(
    r"mailer-?daemon|postmaster|mail ?delivery|mail ?administrator|mail ?system|delivery ?(?:status|subsystem)|"
    r"bounce|mdaemon|mailer@|mail ?router|returned|non[- ]?delivery|microsoft ?outlook|"
    r"courrier (?:non |non-)?(?:remis|distribu)|mail ?(?:daemon|server)|smtp|nobody@|root@|"
    r"e-?mail ?(?:gateway|security)|symantec|messagelabs|mimecast|proofpoint|barracuda",
    re.I)
_AUTO_SUBJECT_RE = re.compile(
    r"^\s*(?:(?:automatic|auto(?:matic)?[ -]?)reply|auto(?:-|\s)?(?:response|reply|respond)|out of (?:the )?office|"
    r"r[ée]ponse automatique|absent(?:e)? du bureau|absence|abwesenheit(?:snotiz)?|automatische antwort|"
    r"respuesta autom[aá]tica|fuera de la oficina|risposta automatica|fuori sede|autoreply|vacation|"
    r"auto:|away from|on leave|en cong[ée]s?)",
    re.I)
_RECEIPT_SUBJECT_RE = re.compile(
    r"^\s*(?:read|lu|gelesen|le[ií]do|letto|delivered|remis|zugestellt|entregado|consegnato|relayed|"
    r"relay[ée]|read receipt|accus[ée] de (?:lecture|r[ée]ception)|return receipt|"
    r"delivery (?:receipt|notification(?!.*(?:fail|delay|warn)))|"
    r"(?:successful )?delivery status notification \((?:success|relay)\))\s*[:(]",
    re.I)
_BOUNCE_SUBJECT_RE = re.compile(
    r"undeliver|undelivered|not delivered|delivery (?:status notification|failure|failed|problem|report|"
    r"incomplete|delayed|has failed)|(?:mail|message) delivery failed|returned (?:mail|to sender)|"
    r"failure notice|failed delivery|could not (?:be )?deliver|non[- ]?remis|non distribu|"
    r"[ée]chec (?:de (?:la )?)?(?:remise|distribution|livraison)|remise impossible|notification d'[ée]tat|"
    r"unzustellbar|nicht zustellbar|non recapitabile|no se pudo entregar|bounce|rejected|warning: message|"
    r"delayed mail|mail system error|error|fehler|erreur|problem",
    re.I)
# failure wording in a notification or a paste, in the languages of the bounces we read
# (English, French, German, Spanish, Italian, Portuguese, Dutch, Japanese, Chinese)
_FAILURE_WORDS_RE = rx.Pattern(
    r"(?:undeliver|not (?:be )?delivered|could(?:n't| not) (?:be )?sen[dt]|unable to send|not (?:be )?sent|"
    r"couldn't be delivered|could not (?:be )?deliver|unable to deliver|"
    r"delivery (?:to .{0,80})?(?:has )?failed|failed (?:to deliver|recipient|address)|"
    r"permanent(?:ly)? (?:error|failure|fatal)|"
    r"temporar(?:y|ily) (?:error|failure|problem|unavailable|rejected|deferred)|"
    r"\bbounce|came back|sent back|returned to me|m'est revenu|(?:est|a [ée]t[ée]) retourn[ée]|rejected|refused|"
    r"denied|blocked|blacklist|blocklist|not (?:found|exist|known|allowed|accepted|permitted)|"
    r"does(?: not|n't) exist|no such|unknown (?:user|recipient|address|mailbox|domain|host)|"
    r"(?:user|recipient|mailbox|address|host|domain) (?:unknown|not found)|"
    r"invalid (?:recipient|address|mailbox|user)|mailbox (?:full|unavailable|disabled|is)|quota|over ?quota|"
    r"too (?:large|big|many)|size limit|"
    # mailing-list managers refusing a post (fml's "You are not a member of this mailing list",
    # Mailman's "Post by non-member to a members-only list")
    r"not (?:a )?member|non-?member|members[- ]only|not (?:allowed|authori[sz]ed) to post|not subscribed|spam|virus|"
    r"malware|relay|policy|dmarc|spf|dkim|reverse dns|\bptr\b|"
    r"\btls\b|timed? ?out|connection|dns|mx record|smtp|retry|retried|giving up|expired|too long|"
    r"delivery (?:status|attempt|delayed|incomplete|notification)|delayed|returned mail|mail delivery|"
    r"error|failure|failed|suspend|disabled|inactive|deactivated|no longer|has moved|address (?:changed|moved)|"
    r"a chang[ée] d'adresse|keep trying|non remis|non distribu|insuffisant|trop lourd|n'est pas autoris|"
    r"ne r[ée]pond pas|ult[ée]rieurement|enregistrement mx|incorrect|\bloop\b|boucle|configur|hors service|"
    r"malveillant|ferm[ée]|malformed|mal form|inverse|not to (?:receive|accept)|indisponible|restricted|"
    r"(?:doesn't|does not|don't) accept|no longer|d[ée]pass|satur|r[ée]soudre|n'autorise pas|"
    r"out of disk|does not resolve|forbidden|not permitted|"
    r"n'a pas (?:pu )?(?:[êe]tre )?(?:remis|distribu|livr|envoy|achemin)|"
    r"remise (?:impossible|a [ée]chou)|impossible de (?:remettre|distribuer|livrer|d[ée]livrer|joindre)|"
    r"introuvable|inexistant|n'existe (?:pas|plus)|inconnu|invalide|refus[ée]|rejet[ée]|bloqu[ée]|"
    r"bo[iî]te (?:aux lettres |de r[ée]ception )?(?:est )?pleine|[ée]chec|erreur|d[ée]sactiv|suspendu|"
    r"liste (?:noire|de blocage)|ind[ée]sirable|trop (?:volumineux|gros|de messages)|d[ée]lai|expir|"
    r"nouvelle tentative|retard|en attente|temporaire|d[ée]finitive?|non autoris|interdit|"
    r"unzustellbar|nicht zugestellt|zustellung|unbekannt|fehler|abgelehnt|"
    r"no (?:se )?(?:pudo|puede) (?:ser )?entreg|no existe|desconocido|rechazad|"
    r"non (?:[èe] stato )?recapit|sconosciut|inesistente|rifiutat|"
    r"n[ãa]o (?:foi )?(?:entregue|existe)|desconhecido|"
    r"onbestelbaar|niet bezorgd|onbekend|"
    r"エラー|送信でき|配信|届きません|宛先|不明|存在しません|退信|失败|无法|未送达|"
    r"\b[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b|\b[45]\.\d{1,3}\.\d{1,3}\b|(?:^|\s)[45]\d\d\s)")


_DELETED_RE = re.compile(r"^disposition:[^\n]{0,200};\s*deleted", re.I | re.M)


def system_sender(headers: list[tuple[str, str]]) -> bool:
    """The message comes from a mail system (the usual signature of a bounce)."""
    frm = header(headers, "from") + " " + header(headers, "sender")
    # RFC 5321 section 4.5.5: notifications are sent from the null reverse-path
    return bool(_SYSTEM_SENDER_RE.search(frm)) or header(headers, "return-path").strip() == "<>"


def has_failure_words(text: str) -> bool:
    return bool(text) and _FAILURE_WORDS_RE.test(text[:20_000])


def message_kind(*, headers: list[tuple[str, str]], subject: str, report_type: str, note: str,
                 dsn_actions: list[str], has_dsn: bool) -> NotABounce | None:
    """Why a whole message is not a bounce (AUTO_REPLY, RECEIPT, ORDINARY), or None if it may be one.

    ``report_type``: the top ``multipart/report`` type (``delivery-status``,
    ``disposition-notification``...); ``dsn_actions``: the ``Action`` of each recipient of its
    delivery-status part; ``has_dsn``: a delivery-status part (or text) was found.
    """
    actions = [a for a in dsn_actions if a]
    if any(a in FAILURE_ACTIONS for a in actions):
        return None  # RFC 3464: a failure or a delay is reported
    if actions and all(a in SUCCESS_ACTIONS for a in actions):
        return RECEIPT
    auto = header(headers, "auto-submitted").strip().lower()
    if report_type == "disposition-notification" and not has_dsn:
        # RFC 8098 read receipt, except the refusal that Sieve's "reject" sends in that form
        # (RFC 5429 section 2.1.1: an MDN with the "deleted" disposition, marked "auto-replied (rejected)")
        if "rejected" in auto or _DELETED_RE.search(note):
            return None
        return RECEIPT
    if header(headers, "x-failed-recipients") or has_dsn:
        return None
    if system_sender(headers) or _BOUNCE_SUBJECT_RE.search(subject or ""):
        return None
    precedence = header(headers, "precedence").strip().lower()
    if ((auto and not auto.startswith("no")) or precedence == "auto_reply" or header(headers, "x-autoreply")
            or header(headers, "x-autorespond") or header(headers, "x-vacation")
            or _AUTO_SUBJECT_RE.search(subject or "")):
        return AUTO_REPLY
    if _RECEIPT_SUBJECT_RE.search(subject or "") and not has_failure_words(note):
        return RECEIPT
    if not note.strip() or has_failure_words(note):
        return None  # nothing readable (parts nested too deep, say) is not proof of an ordinary message
    return ORDINARY


def pasted_auto_reply(text: str) -> bool:
    """A paste (no headers) that starts like an automatic reply's subject or first line."""
    return bool(_AUTO_SUBJECT_RE.search(text.lstrip()[:200]))
