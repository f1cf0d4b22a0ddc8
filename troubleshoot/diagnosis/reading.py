"""Read a bounce: from raw text to one :class:`Fact` per failed recipient.

Handles a bare SMTP reply (multi-line replies joined), a whole RFC 5322 message (MIME
multipart/report with a message/delivery-status part per RFC 3464, or the plain-text reports
of Postfix, Exim, Sendmail, qmail, Exchange / Office 365, Gmail, Yahoo, Domino and others,
quoted-printable, base64, HTML-only, any charset), and a report pasted from a mail client
without its headers. The returned original message is ignored except as a last resort (a report
forwarded inside a message), with bounded nesting so that a report nested in a report neither
hangs nor duplicates results.

Everything here works on bounded slices of the input (at most ``MAX_NOTE_CHARS`` characters and
``MAX_NOTE_LINES`` lines of notification text, ``MAX_RECIPIENTS`` recipients, ``MAX_NEST`` levels
of nested reports). Scans over long texts use RE2 (linear time whatever the text); the few
Python ``re`` patterns left run on short, bounded strings or have no nested repetition, so that
hostile text costs linear time.

Recipients in plain-text reports are found by position ("anchors"): an address alone on its
line, after a lead-in such as ``Recipient address:`` or ``Final-Recipient: rfc822;``, or at the
start of a Sendmail summary line (``550 <user@example.org>... User unknown``, whose transcript
comes before it). Each recipient owns the lines up to the next recipient; the diagnostic is taken
from what follows a lead-in (``said:``, ``Remote host said:``, ``(reason: ...)``, ``The error that
the other server returned was:`` ...) or from the first SMTP reply code in its lines.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field

from . import kinds, mime, rx
from .codes import REPLY_RE, STATUS_RE, is_generic, normalize_status
from .inputs import text_of_str

MAX_NOTE_CHARS = 120_000
MAX_NOTE_LINES = 2_500
MAX_DIAG_CHARS = 1_500
MAX_NEST = 3
MAX_RECIPIENTS = 200

# ---------------------------------------------------------------------------------------------
# data


@dataclass
class Fact:
    """What the report says about one failed recipient."""

    recipient: str | None = None
    original_recipient: str | None = None  # RFC 3464 Original-Recipient, as the sender wrote it
    action: str | None = None
    status: str | None = None
    dsn_status: str | None = None
    text_status: str | None = None
    reply_code: str | None = None
    diagnostic: str = ""
    diagnostic_type: str | None = None
    command: str | None = None
    reporting_mta: str | None = None
    remote_mta: str | None = None
    context: str = ""
    passed_on: bool | None = None
    ips: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    bare: bool = False  # a bare SMTP reply: nothing says at which stage it was given
    pasted: bool = False  # read from a pasted text, not a whole message (no headers)
    context_extra: object = field(default=None, repr=False, compare=False)  # callable -> str, lazily
    _full: str | None = field(default=None, repr=False, compare=False)

    def full_context(self) -> str:
        """The recipient's part of the report plus, for a one-recipient report, the rest of it."""
        if self._full is None:
            extra = self.context_extra() if callable(self.context_extra) else ""
            self._full = (extra + " " + self.context).strip()[:6000] if extra else self.context
        return self._full


@dataclass
class Report:
    facts: list[Fact]
    subject: str = ""
    notification: str = ""
    is_message: bool = False
    bare_reply: bool = False
    not_a_bounce: str | None = None  # see kinds.REASONS: then ``facts`` is empty


# ---------------------------------------------------------------------------------------------
# small helpers

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
_FILE_EXT = frozenset({"htm", "html", "php", "asp", "aspx", "cgi", "pl", "jsp", "png", "gif", "jpg", "txt", "exe",
                       "zip", "pdf", "eml", "msg", "py", "js"})


def collapse(s: str) -> str:
    return " ".join(s.split())


_ADDR_RE = rx.Pattern(
    r"(?:\"[^\"\n]{1,64}\"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64})@"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,12}")


_ADDR_TYPE_PREFIXES = ("smtp=", "rfc822=", "rfc-822=", "smtp:", "mailto:")


def find_addresses(text: str, limit: int = 200) -> list[tuple[int, int, str]]:
    """Email addresses in ``text`` as (start, end, address) - str offsets; linear time (RE2)."""
    out: list[tuple[int, int, str]] = []
    if "@" not in text:
        return out
    t = rx.Text(text)
    for sp in _ADDR_RE.iter_spans(t, limit * 2):
        a, e = sp[0]
        addr = t.sub(a, e)
        lead = len(addr) - len(addr.lstrip("."))
        low = addr[lead:lead + 8].lower()
        for prefix in _ADDR_TYPE_PREFIXES:
            if low.startswith(prefix):  # "SMTP=user@example.com" (Exchange 5.5, X.400 gateways)
                lead += len(prefix)
                break
        addr = addr[lead:]
        local, _, dom = addr.rpartition("@")
        if not local or "." not in dom:
            continue
        if dom.rsplit(".", 1)[1].isdigit() and not dom.replace(".", "").isdigit():
            continue
        s = t.pos(a) + lead
        out.append((s, s + len(addr), addr))
        if len(out) >= limit:
            break
    return out


def _addr_key(a: str) -> str:
    return a.strip("<>\"' ").lower()


_IPV4_CAND_RE = rx.Pattern(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")
_HOST_CAND_RE = rx.Pattern(r"\b(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){1,10}[a-z]{2,24}\b")
_IPV6_CAND_RE = rx.Pattern(r"(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}")
_DIGITS = frozenset(b"0123456789")
_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _ips(text: "str | rx.Text") -> list[str]:
    found: list[str] = []
    t = text if isinstance(text, rx.Text) else rx.Text(text)
    text = t.s
    b = t.b
    n = len(b)
    for sp in _IPV4_CAND_RE.iter_spans(t, 200):
        a, e = sp[0]
        if (a and (b[a - 1] in _DIGITS or b[a - 1] == 46)) or (e < n and b[e] in _DIGITS) or (
                e + 1 < n and b[e] == 46 and b[e + 1] in _DIGITS):
            continue
        ip = b[a:e].decode("ascii")
        if all(int(x) < 256 for x in ip.split(".")) and ip not in found:
            found.append(ip)
    if "::" in text or text.count(":") >= 7:
        for sp in _IPV6_CAND_RE.iter_spans(t, 200):
            a, e = sp[0]
            if (a and (b[a - 1] in _ALNUM or b[a - 1] == 58)) or (e < n and (b[e] in _ALNUM or b[e] == 58)):
                continue
            tok = b[a:e].decode("ascii")
            if tok.count(":") >= 2 and len(tok) <= 45 and ("::" in tok or tok.count(":") == 7) and \
                    sum(ch.isalnum() for ch in tok) >= 4 and tok not in found:
                found.append(tok)
    return found[:20]


def _domains(text: "str | rx.Text", limit: int | None = None) -> list[str]:
    found: list[str] = []
    t = text if isinstance(text, rx.Text) else rx.Text(text)
    b = t.b if limit is None else t.b[:limit]
    n = len(b)
    for sp in _HOST_CAND_RE.iter_spans(t, 200):
        a, e = sp[0]
        if e > n:
            break
        if a and b[a - 1] in b"@.-_":
            continue
        if e < n and (b[e] in b"-_@" or (b[e] == 46 and e + 1 < n and b[e + 1] in _ALNUM)):
            continue
        d = b[a:e].decode("ascii").lower()
        tld = d.rsplit(".", 1)[1]
        if tld in _FILE_EXT or d in found:
            continue
        found.append(d)
        if len(found) >= 20:
            break
    return found


# ---------------------------------------------------------------------------------------------
# SMTP replies

_REPLY_LINE_RE = re.compile(r"^([245]\d\d)([ -])(.*)$")


def join_reply(text: str) -> str:
    """Join a multi-line SMTP reply (``553-...`` / ``553 ...``) into one line of text."""
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    if not lines:
        return ""
    parts = []
    code = None
    for ln in lines:
        m = _REPLY_LINE_RE.match(ln)
        if m and (code is None or m.group(1) == code):
            if code is None:
                code = m.group(1)
                parts.append(ln)
            else:
                rest = m.group(3).strip()
                # drop a repeated enhanced status code at the start of continuation lines
                sm = STATUS_RE.match(rest)
                if sm and sm.start() == 0:
                    rest = rest[sm.end():].strip()
                parts.append(rest)
        else:
            parts.append(ln)
    return collapse(" ".join(parts))


_BARE_REPLY_RE = re.compile(r"^\s*(?:[245]\d\d[ -]|#?[245]\.\d{1,3}\.\d{1,3}\b)")


def looks_like_bare_reply(text: str) -> bool:
    head = text.lstrip()[:200]
    return bool(_BARE_REPLY_RE.match(head)) and text.count("\n") < 40


# ---------------------------------------------------------------------------------------------
# is it a message?

_MSG_HEADERS = frozenset({"received", "return-path", "from", "subject", "content-type", "mime-version",
                          "message-id", "date", "delivered-to", "to", "x-failed-recipients", "x-original-to",
                          "auto-submitted", "dkim-signature", "x-mailer", "reply-to", "sender"})
_DSN_FIELDS = frozenset({"reporting-mta", "final-recipient", "original-recipient", "action", "status",
                         "diagnostic-code", "remote-mta", "arrival-date", "received-from-mta",
                         "last-attempt-date", "will-retry-until", "x-actual-recipient", "original-envelope-id",
                         "dsn-gateway", "final-log-id"})


def looks_like_message(text: str) -> bool:
    headers, _body = mime.split_headers(text[:64_000])
    return _is_message_headers(headers)


def _is_message_headers(headers: list[tuple[str, str]]) -> bool:
    if len(headers) < 2:
        return False
    names = {k for k, _ in headers}
    if names & _DSN_FIELDS and not names & {"received", "from", "subject", "content-type", "return-path"}:
        return False
    return len(names & _MSG_HEADERS) >= 2


# ---------------------------------------------------------------------------------------------
# message/delivery-status

_FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z0-9-]{1,40})[ \t]*:[ \t]*(.*)$")
_PER_RECIPIENT = frozenset({"final-recipient", "original-recipient", "action", "status", "remote-mta",
                            "diagnostic-code", "last-attempt-date", "will-retry-until", "x-actual-recipient",
                            "final-log-id", "x-display-name"})
_PER_MESSAGE = frozenset({"reporting-mta", "received-from-mta", "arrival-date", "original-envelope-id",
                          "dsn-gateway"})


def parse_dsn(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Per-message fields and per-recipient field blocks of RFC 3464 text (tolerant)."""
    per_msg: dict[str, str] = {}
    recs: list[dict[str, str]] = []
    cur: dict[str, str] = {}
    last: str | None = None
    lines = text.split("\n", MAX_NOTE_LINES)[:MAX_NOTE_LINES]
    for line in lines:
        if not line.strip():
            if cur.get("final-recipient") or cur.get("original-recipient"):
                recs.append(cur)
                cur = {}
            last = None
            continue
        if line[0] in " \t":
            if last == "diagnostic-code" or last == "status" or last == "remote-mta":
                cur[last] = cur.get(last, "") + " " + line.strip()
            elif last in per_msg:
                per_msg[last] += " " + line.strip()
            continue
        m = _FIELD_RE.match(line)
        if not m:
            last = None
            continue
        name = m.group(1).lower()
        value = m.group(2).strip()
        if name in _PER_RECIPIENT:
            if name in cur and (cur.get("final-recipient") or cur.get("original-recipient")):
                recs.append(cur)
                cur = {}
            cur[name] = value
            last = name
        elif name in _PER_MESSAGE:
            per_msg.setdefault(name, value)
            last = name
        else:
            last = None
        if len(recs) >= MAX_RECIPIENTS:
            break
    if cur.get("final-recipient") or cur.get("original-recipient"):
        recs.append(cur)
    return per_msg, recs


def _dsn_value(v: str | None) -> str | None:
    """'rfc822; a@b' -> 'a@b'; 'dns; mx.example.org (…)' -> 'mx.example.org'."""
    if not v:
        return None
    if ";" in v:
        v = v.split(";", 1)[1]
    v = v.strip().strip("<>").strip()
    return v or None


def _mta_name(v: str | None) -> str | None:
    v = _dsn_value(v)
    if not v:
        return None
    v = v.split()[0].strip("[]")
    return v.rstrip(".") or None


def _dsn_diag(v: str | None) -> tuple[str | None, str]:
    if not v:
        return None, ""
    v = v.strip()
    m = re.match(r"([A-Za-z][A-Za-z0-9_-]{0,30})\s*;\s*", v)
    if m:
        return m.group(1).lower(), v[m.end():].strip()
    return None, v


# ---------------------------------------------------------------------------------------------
# the notification text

_CUT_RE = rx.Pattern(
    r"^[ \t>*#=_|-]*(?:"
    r"below this line is a copy of the message|this is a copy of (?:the|your) message|"
    r"original message (?:follows|headers)|original message -+$|message headers follow|"
    r"unsent message follows|returned message|the header of the original message|"
    r"included is a copy of the message|enclosed is a copy of the message|below is a copy of the original|"
    r"original mail info|intestazioni originali del messaggio|en-t[eê]tes? (?:du|de) message|"
    r"copy of the original message|undelivered message headers|original message header|"
    r"the original message was:|message d'origine|----- message text follows|"
    r"a copy of the original message below|the headers of your message)",
    multiline=True)
_CUT_HEADER_RE = rx.Pattern(
    r"^(?:Received|Return-Path|DKIM-Signature|X-Received|ARC-Seal|ARC-Message-Signature|Delivered-To|"
    r"X-Original-To|X-Google-Smtp-Source|Authentication-Results|X-Mailer|Content-Type|MIME-Version):[ \t]",
    icase=False, multiline=True)
_HEADERISH_RE = re.compile(r"[A-Za-z][A-Za-z0-9-]{1,40}:")


def split_returned(note: str) -> tuple[str, str]:
    """Split notification text from an inline copy of the returned message."""
    cut = len(note)
    t = rx.Text(note)
    sp = _CUT_RE.spans(t)
    if sp is not None:
        cut = t.pos(sp[0][0])
    head = rx.Text(note[:cut]) if cut < len(note) else t
    for sp in _CUT_HEADER_RE.iter_spans(head, 50):
        # a header block: the next line is a header or a continuation too
        start, mend = head.pos(sp[0][0]), head.pos(sp[0][1])
        prev = note[max(0, note.rfind("\n", 0, max(0, start - 1)) + 1):start].strip()
        if prev.startswith("--") and note[start:start + 8].lower() == "content-":
            continue  # the header of a MIME part that no Content-Type announced, not a returned message
        nl = note.find("\n", mend)
        nxt = note[nl + 1: nl + 200] if nl >= 0 else ""
        if nxt[:1] in (" ", "\t") or _HEADERISH_RE.match(nxt):
            cut = start
            break
    return note[:cut], note[cut:]


# ---------------------------------------------------------------------------------------------
# recipients in plain text

_SENDER_HEADS = ("mail from", "envelope-from", "sent by", "sender", "return-path", "reply-to", "from",
                 "original sender", "message-id", "in-reply-to", "references", "errors-to", "generated by",
                 "x-postfix-sender", "x-sendgrid-sender", "envelope sender", "expéditeur", "absender")
_HEADER_ONLY = frozenset({"to", "cc", "bcc", "from", "sender", "reply-to", "return-path", "subject", "date",
                          "message-id", "in-reply-to", "references", "x-original-to", "delivered-to",
                          "x-envelope-from", "errors-to", "resent-from", "resent-to", "envelope-to"})
_LEADINS = ("delivered to", "deliver to", "message to", "delivering your mail to", "undeliverable to",
            "mail to", "rcpt to", "recipient", "recipients", "addressed to", "delivery to", "failed to",
            "sending to", "destinataire", "empfänger", "adresse", "wasn't delivered to", "not delivered to",
            "couldn't be delivered to", "could not be delivered to", "non remis à", "sent to",
            "local mailbox", "mailbox", "boîte aux lettres", "the address", "l'adresse", "addressed,")
_ROLE_LOCALS = frozenset({"postmaster", "mailer-daemon", "support", "abuse", "noreply", "no-reply", "hostmaster",
                          "webmaster", "root", "help", "helpdesk"})
_SUMMARY_RE = re.compile(r"^\d{3}(?:[ -]\d\.\d{1,3}\.\d{1,3})?$")
_NAME_RE = re.compile(r"[\w .'\"-]{1,40}")
_PREV_SENDER_RE = re.compile(r"(?:sent by|sender|from|expéditeur|absender)\s*:?\s*$", re.I)


def _anchor_kind(line: str, start: int, end: int, prev_line: str) -> str | None:
    prefix = line[:start]
    stripped = prefix.strip()
    if stripped.startswith("<<<"):
        return None  # a server response line quoting the address
    p = stripped.rstrip("<(\"'[*•>-–— \t").strip()
    after = line[end:end + 4]
    if not p:
        if _PREV_SENDER_RE.search(prev_line.strip()[-40:]):
            return None
        return "plain"
    low = " ".join(p.lower().split())
    if low.endswith(("dda:", "dda:smtp=", "dda:smtp:")):
        return "plain"  # Exchange 5.5 IMS: an X.400 form whose domain-defined attribute is the address
    if _SUMMARY_RE.match(p) and (after.startswith("...") or after.startswith(">...")):
        return "summary"
    if low.endswith("mailto:"):
        low = low[:-7].rstrip("<( ")
        if not low or (":" not in low and len(low) <= 60):
            return "plain"
    if low.endswith(":") or low.endswith(";"):
        head = low[:-1].strip().lstrip(">*-• ").strip()
        if head.endswith(": rfc822") or head.endswith(":rfc822"):
            head = head.rsplit(":", 1)[0].strip()
        if head in _HEADER_ONLY or head.endswith(_SENDER_HEADS) or len(head) > 80 or "@" in head:
            return None
        return "plain"
    if low.endswith(_LEADINS):
        return "plain"
    if (stripped.endswith("<") and ":" not in low and "@" not in low and len(low) <= 40
            and _NAME_RE.fullmatch(p) and not line[end:].strip(">\"' \t,;.")):
        return "plain"  # Display Name <address>
    return None


@dataclass
class _Anchor:
    line: int
    key: str
    addr: str
    kind: str
    rest: str
    prefix: str = ""
    original: str | None = None  # the address the sender wrote, when an alias or a list expanded it


# Sendmail (deliver.c: "    (expanded from: <alias>)") and Exim (deliver.c: "    (generated from alias)")
# name, under a failed address, the address the sender wrote.
_EXPANDED_FROM_RE = re.compile(r"^\s*\((?:expanded|generated) from:?\s*<?$", re.I)


def find_anchors(lines: list[str], exclude: set[str]) -> tuple[list[_Anchor], bool]:
    """Addresses in recipient position, and whether only role addresses (postmaster...) were found."""
    anchors: list[_Anchor] = []
    text = "\n".join(lines)
    if "@" not in text:
        return anchors, False
    starts = []
    off = 0
    for ln in lines:
        starts.append(off)
        off += len(ln) + 1
    prev_nonblank: dict[int, str] = {}
    for s_, e_, addr in find_addresses(text, limit=400):
        i = bisect.bisect_right(starts, s_) - 1
        line = lines[i]
        s, e = s_ - starts[i], e_ - starts[i]
        if e > len(line):
            continue
        if i not in prev_nonblank:
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            prev_nonblank[i] = lines[j] if j >= 0 else ""
        if _EXPANDED_FROM_RE.match(line[:s]):
            original = addr.strip("<>\"'")
            if anchors and anchors[-1].line >= i - 2 and anchors[-1].original is None:
                anchors[-1].original = original
            else:  # Exim's "an undisclosed address (generated from x)": x is all the sender knows
                anchors.append(_Anchor(i, _addr_key(addr), original, "plain", line[e:], "", original))
            continue
        kind = _anchor_kind(line, s, e, prev_nonblank[i])
        if kind:
            anchors.append(_Anchor(i, _addr_key(addr), addr.strip("<>\"'"), kind, line[e:], line[:s]))
    if not anchors:
        return anchors, False
    keys = {a.key for a in anchors}
    keep = keys - exclude or keys
    roles = {k for k in keep if k.split("@", 1)[0] in _ROLE_LOCALS}
    role_only = bool(roles) and not (keep - roles)
    if keep - roles:
        keep -= roles
    anchors = [a for a in anchors if a.key in keep]
    return anchors, role_only


def assign_segments(lines: list[str], anchors: list[_Anchor]) -> tuple[dict[str, list[str]], list[str]]:
    """Lines owned by each recipient (forward from its line; Sendmail summary lines look back)."""
    owner: list[str | None] = [None] * len(lines)
    seen: set[str] = set()
    first_kind: dict[int, str] = {}
    for idx, a in enumerate(anchors):
        if a.key not in seen:
            seen.add(a.key)
            first_kind[idx] = a.kind
    for idx, a in enumerate(anchors):
        owner[a.line] = a.key
        nxt = anchors[idx + 1] if idx + 1 < len(anchors) else None
        end = nxt.line if nxt else len(lines)
        backward_next = nxt is not None and first_kind.get(idx + 1) == "summary" and nxt.key != a.key
        target = nxt.key if backward_next else a.key
        for j in range(a.line + 1, end):
            if owner[j] is None:
                owner[j] = target
    if anchors and first_kind.get(0) == "summary":
        for j in range(0, anchors[0].line):
            owner[j] = anchors[0].key
    segs: dict[str, list[str]] = {}
    preamble: list[str] = []
    for j, line in enumerate(lines):
        o = owner[j]
        if o is None:
            if not anchors or j < anchors[0].line:
                preamble.append(line)
            continue
        segs.setdefault(o, []).append(line)
    return segs, preamble


# ---------------------------------------------------------------------------------------------
# diagnostic text in a segment

_LEADIN_RE = rx.Pattern(
    r"(?:the error that the other server returned was:|remote server returned|"
    r"the response (?:from the remote server )?was:|"
    r"remote host said:|\bsaid:|\(reason:|\breason:|diagnostic[ -]code:|\bbecause:|for the following reason:|"
    r"generated response:|server message|failed with:|error_code ?:|\bresponse:|"
    r"technical details of (?:permanent|temporary) failure:|the reason for the problem:|"
    r"delay reason:|could not be delivered because of|\bcause:|raison ?:|motivo:|grund:|fehler:|"
    r"le serveur (?:distant|de destination) a (?:retourn[ée]|renvoy[ée])|"
    r"a (?:renvoy[ée]|retourn[ée]) l'erreur(?: suivante)?\s*:?|"
    r"r[ée]ponse du serveur ?:|message d'erreur ?:|motif ?:|erreur ?:)")
_NOISE_RE = rx.Pattern(
    r"(?:giving up on \S+\.|i'm not going to try again|--- below this line|message headers follow|"
    r"original message follows|this has been a permanent failure|no further delivery attempts|"
    r"please note that this is only a temporary|no action is required on your part|"
    r"the mail system will continue to try|if you have questions|learn more here:|"
    r"rekomenduem|рекомендуем|if your message was also sent to additional|"
    r"for email admins|please contact your system administrator|\(in reply to [a-z ]{2,20} command\)|"
    r"-{5,}|={6,}|\*{6,}|_{8,}|this is a permanent error\.|this is a temporary error)")
_CMD_PATTERNS = (
    (r"in reply to (?:the )?(rcpt to|rcpt|mail from|mail|end of data|data|helo|ehlo|starttls|auth|connect)\b", None),
    (r"\bafter (rcpt to|rcpt|mail from|mail|end of data|data|initial connection|ehlo|helo|starttls|connection|"
     r"banner)\b", None),
    (r"did not like our (rcpt to|mail from|final data|data|ehlo|helo)", None),
    (r"\[(rcpt_to|mail_from|data)\]", None),
    (r"\bsmtp:(rcpt|mail|data|helo|ehlo)\b", None),
    (r"\bin (rcpt to|mail from|data)\b", None),
    (r"does not like recipient", "RCPT"),
    (r"sender was rejected", "MAIL"),
    (r"my name was rejected", "HELO"),
    (r"failed after i sent the message|failed on data command", "DATA"),
    (r"but greeting failed", "CONN"),
    (r"refused to talk to me", "CONN"),
    (r"smtp command\s+-*\s*(data|rcpt|mail|helo|ehlo)\b", None),
)
_CMD_SET = rx.set_of([p for p, _f in _CMD_PATTERNS])
_CMD_RES = tuple((rx.Pattern(p), f) for p, f in _CMD_PATTERNS)
_CMD_MAP = {"rcpt to": "RCPT", "rcpt": "RCPT", "rcpt_to": "RCPT", "mail from": "MAIL", "mail": "MAIL",
            "mail_from": "MAIL", "end of data": "DATA", "data": "DATA", "final data": "DATA", "helo": "HELO",
            "ehlo": "HELO", "starttls": "STARTTLS", "initial connection": "CONN", "connect": "CONN",
            "connection": "CONN", "banner": "CONN", "auth": "AUTH"}
# Sendmail ">>> RCPT To:" / "<<< 550 ..."; InterScan MSS "Sent <<< RCPT TO:" / "Received >>> 550 ..."
_TRANSCRIPT_CMD_RE = re.compile(r"^\s*(?:>>>|sent <<<)\s*(rcpt|mail|data|ehlo|helo|starttls|quit|auth|bdat)\b", re.I)
_TRANSCRIPT_ERR_RE = re.compile(r"^\s*(?:<<<|received >>>)\s*[45]\d\d\b", re.I)
_PASSED_ON_RE = rx.Pattern(
    r"(?:\bhost \S+ said:|remote host said|remote server returned|the other server returned|"
    r"refused to talk to me|did not like our|smtp error from remote|while talking to|<<<|"
    r"reported error|the recipient server .{0,80}reported|rejected by the recipient domain|"
    r"server \S+ failed with|remote (?:smtp )?server has rejected|remote mta|external email server returned|"
    r"the response from the remote server|does not like recipient|failed after i sent|sender was rejected|"
    r"\bsaid: [245]\d\d|remote system:|serveur (?:de messagerie )?(?:distant|externe|de destination)|"
    r"l'organisation suivante a rejet|the following organization rejected|a signal[ée] l'erreur)")


_TALKING_RE = re.compile(r"^\s*(?:\.\.\.\s*)?while talking to ", re.I)


def detect_command(seg_text: str, lines: list[str] | None = None, diag: str = "") -> str | None:
    """The SMTP command the refusal answered (CONN, HELO, MAIL, RCPT, DATA, ...), if the report says."""
    if lines and (">>>" in seg_text or "<<<" in seg_text):
        last_cmd: str | None = None
        pairs: list[tuple[str, str]] = []
        for ln in lines[:400]:
            if _TALKING_RE.match(ln):
                last_cmd = None
                continue
            m = _TRANSCRIPT_CMD_RE.match(ln)
            if m:
                last_cmd = m.group(1).lower()
            elif _TRANSCRIPT_ERR_RE.match(ln):
                cmd = "CONN" if last_cmd is None else _CMD_MAP.get(last_cmd, last_cmd.upper())
                resp = ln.strip()
                resp = resp[resp.find(" ", resp.find("<<<") + 1 if "<<<" in resp[:4] else resp.find(">>>")):]
                pairs.append((cmd, collapse(resp)))
        if pairs:
            if diag:
                low = diag.lower()
                for cmd, resp in pairs:
                    if resp[:40].lower() in low:
                        return cmd
            return pairs[0][0]
    hits = _CMD_SET.Match(seg_text) if seg_text else None
    if not hits:
        return None
    rgx, fixed = _CMD_RES[min(hits)]
    if fixed:
        return fixed
    g = rgx.find(seg_text, 1)
    if not g:
        return None
    return _CMD_MAP.get(g.lower(), g.upper())


def _cut_noise(s: str) -> str:
    i = _NOISE_RE.first_pos(s)
    return s[:i] if i >= 0 else s


_BOILER_RE = rx.Pattern(
    r"(?:this message was created automatically|a message that you sent (?:could not|has not yet) be|"
    r"could not be delivered to (?:one or more|all of its)|this is a permanent error|address(?:\(es\))? failed|"
    r"i'm sorry to have to inform you|it's attached below|for further assistance|if you do so, please include|"
    r"delete your own text|^\s*the (?:mail system|postfix program)\s*$|this is the (?:mail system|postfix program) at|"
    r"^hi\. this is the|i'm afraid i wasn't able to deliver|sorry it didn't work out|"
    r"automatically generated delivery status notification|this is a warning message only|"
    r"you do not need to resend|the original message was received at|^\s*from \S+ \[|^\s*with id |"
    r"the following addresses had|transcript of session follows|did not reach (?:some or all|the following)|"
    r"delivery has failed to these recipients|the following recipients? (?:could not be reached|was undeliverable|"
    r"did not receive)|unable to deliver (?:the )?message to the following|diagnostic information for administrators|"
    r"^\s*generating server:|please do not reply|do not reply to this|^\s*recipients?:\s*$|"
    r"your message could not be sent\.?$|following recipients? failed|delivery to the following recipient|"
    r"remise impossible aux destinataires|informations de diagnostic pour les administrateurs|"
    r"^\s*serveur de g[ée]n[ée]ration ?:|votre message n'a pas pu [êe]tre remis|"
    r"^\s*the following address(?:es)? (?:failed|had)|^\s*\*+\s*$|^\s*-+\s*$)")


_BOILER_ML_RE = rx.Pattern("(?:" + _BOILER_RE.pattern + ")", multiline=True)


class _Boiler:
    """Which lines of a notification are boilerplate, computed once per notification, on demand."""

    __slots__ = ("_src", "_lines")

    def __init__(self, lines: list[str]):
        self._src = lines
        self._lines: set[str] | None = None

    @property
    def lines(self) -> set[str]:
        if self._lines is None:
            self._lines = set(_boiler_lines(self._src[:200]))
        return self._lines


def _drop_boiler(lines: list[str], boiler: "_Boiler | None" = None) -> list[str]:
    """Lines that are not the usual 'this message was created automatically...' boilerplate.

    ``boiler`` is the notification's own boilerplate set, passed down explicitly (never kept in a
    module global: two threads diagnosing at once must not see each other's lines)."""
    if not lines:
        return []
    b = boiler
    if b is not None:
        return [ln for ln in lines if ln.strip() and ln not in b.lines]
    bl = set(_boiler_lines(lines))
    return [ln for ln in lines if ln.strip() and ln not in bl]


def _boiler_lines(lines: list[str]) -> list[str]:
    if not lines:
        return []
    t = rx.Text("\n".join(ln[:300] for ln in lines))
    out = []
    last = -1
    for sp in _BOILER_ML_RE.iter_spans(t, 400):
        i = t.b.count(b"\n", 0, sp[0][0])
        if i != last and i < len(lines):
            out.append(lines[i])
            last = i
    return out


def _reason_paren(lines: list[str]) -> str:
    for ln in lines:
        i = ln.find("(reason:")
        if i >= 0:
            r = ln[i + 8:].strip()
            if r.endswith(")"):
                r = r[:-1]
            return r.strip()
    return ""


def extract_diagnostic(seg_lines: list[str], anchor_rest: str = "", addr: str | None = None,
                       anchor_prefix: str = "", flat: str | None = None,
                       boiler: "_Boiler | None" = None) -> tuple[str, int]:
    """The core diagnostic sentence(s) of one recipient's part of the notification, and how sure
    we are that it is one (3: a quoted reply or a lead-in such as 'said:'; 2: text after the
    address; 1: text before it; 0: whatever is left)."""
    if flat is None:
        flat = collapse("\n".join(seg_lines[:400]))[:8000]
    if not flat and not anchor_prefix:
        return "", 0
    diag = ""
    strength = 0
    reason = _reason_paren(seg_lines)
    if len(reason) >= 3:
        diag, strength = reason, 3
    if not diag:
        ft = rx.Text(flat)
        for sp in reversed(list(_LEADIN_RE.iter_spans(ft, 100))):
            cand = _cut_noise(flat[ft.pos(sp[0][1]):]).strip(" :'\"")
            if len(cand) >= 3:
                diag, strength = cand, 3
                break
    if not diag:
        rm = REPLY_RE.search(flat)
        if rm:
            diag, strength = _cut_noise(flat[rm.start():]), 3
    if not diag:
        rest = collapse(anchor_rest).lstrip(">:;,.]) \"'")
        if len(rest) >= 3:
            more = collapse("\n".join(_drop_boiler(seg_lines[1:6], boiler))) if len(rest) < 40 else ""
            diag, strength = _cut_noise((rest + " " + more).strip()), 2
    if not diag:
        pre = collapse(anchor_prefix).strip(" <(\"'*-").rstrip(":;, ")
        if len(pre.split()) >= 2 and not pre.lower().endswith(_LEADINS) and ":" not in pre and ";" not in pre:
            diag, strength = pre.rstrip(":;, "), 1
    if not diag:
        body = _drop_boiler(seg_lines[1:] if len(seg_lines) > 1 else seg_lines, boiler)
        diag = _cut_noise(collapse("\n".join(body)))
    # a reply code near the start: start there ("host mx [ip]: 550 ...")
    rm = REPLY_RE.search(diag[:160])
    if rm and rm.start() > 0 and not re.match(r"[245]\d\d", diag):
        head = diag[:rm.start()]
        if re.search(r"(?:host|\]|:|\),?)\s*$", head):
            diag = diag[rm.start():]
    diag = re.sub(r"\s*\(in reply to [A-Za-z ]{2,20} command\)\s*", " ", diag).strip(" '\"")
    return diag[:MAX_DIAG_CHARS], strength


_CODES_INSIDE_RE = re.compile(r"(?:(?<=\s)|^)[245]\d\d(?:[ -]#?[245]\.\d{1,3}\.\d{1,3}\b|-(?=\S))")
_CODES_LEAD_RE = re.compile(r"^\s*(?:[245]\d\d[ :]\s*)?(?:#?[245]\.\d{1,3}\.\d{1,3}\s*)?")


def strip_codes(s: str) -> str:
    """Remove SMTP reply codes and enhanced status codes that prefix (or repeat inside) a reply."""
    if not s:
        return s
    s = _CODES_INSIDE_RE.sub(" ", s)
    s = _CODES_LEAD_RE.sub("", s, 1)
    return " ".join(s.split())


# ---------------------------------------------------------------------------------------------
# main entry


# mbox (RFC 4155): each message starts with a "From " line, the sender and a date
_MBOX_FROM_RE = re.compile(r"^From \S+ +\S.{0,120}$", re.M)
MAX_MBOX_MESSAGES = 50


def read(text: str, *, depth: int = 0, budget: mime.Budget | None = None) -> Report:
    budget = budget or mime.Budget()
    if depth == 0 and text.startswith("From "):
        messages = _mbox_messages(text)
        if len(messages) > 1:
            return _read_mbox(messages, budget)
    return _read(text, depth, budget)


def _mbox_messages(text: str) -> list[str]:
    """The messages of an mbox file: each "From " line that a header block follows starts one."""
    starts = [m.start() for m in _MBOX_FROM_RE.finditer(text[:MAX_NOTE_CHARS * 20])
              if _HEADERISH_RE.match(text, text.find("\n", m.start()) + 1)]
    if len(starts) < 2:
        return [text]
    starts = starts[:MAX_MBOX_MESSAGES] + [len(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:])]


def _read_mbox(messages: list[str], budget: mime.Budget) -> Report:
    """Several bounces in one mbox: every failed recipient of every one, in order."""
    reports = [_read(m, 0, budget) for m in messages]
    bounces = [r for r in reports if not r.not_a_bounce]
    if not bounces:
        return reports[0]
    facts = [f for r in bounces for f in r.facts][:MAX_RECIPIENTS]
    first = bounces[0]
    return Report(facts, subject=first.subject, notification=first.notification, is_message=True)


def _read(text: str, depth: int, budget: mime.Budget) -> Report:
    headers0, body0 = mime.split_headers(text)
    is_message = _is_message_headers(headers0)
    subject = ""
    top_headers: list[tuple[str, str]] = []
    notes: list[str] = []
    dsn_texts: list[str] = []
    returned: list[mime.Part] = []
    if is_message:
        root = mime.parse(text, depth=depth, budget=budget, split=(headers0, body0))
        top_headers = root.headers
        subject = text_of_str(mime.decode_words(root.header("subject") or ""))
        _collect(root, notes, dsn_texts, returned)
    else:
        notes.append(text_of_str(text[:MAX_NOTE_CHARS * 2]))

    note_all = "\n".join(notes)
    if len(note_all) > MAX_NOTE_CHARS:
        note_all = note_all[:MAX_NOTE_CHARS]
    note, inline_original = split_returned(note_all)

    # bare SMTP reply (one line or a multi-line reply)
    if not is_message and looks_like_bare_reply(note) and "Final-Recipient" not in note:
        joined = join_reply(note)
        fact = Fact(diagnostic=joined[:MAX_DIAG_CHARS], context=joined[:MAX_DIAG_CHARS], bare=True)
        _finish_codes(fact)
        fact.command = detect_command(joined)
        fact.ips = _ips(joined)
        fact.domains = _domains(joined)
        return Report([fact], subject="", notification=joined, is_message=False, bare_reply=True)

    per_msg: dict[str, str] = {}
    recs: list[dict[str, str]] = []
    for t in dsn_texts:
        pm, rs = parse_dsn(t)
        for k, v in pm.items():
            per_msg.setdefault(k, v)
        recs.extend(rs)
    if not recs:
        low_note = note.lower()
        if "final-recipient" in low_note or "original-recipient" in low_note:
            pm, rs = parse_dsn(note)
            for k, v in pm.items():
                per_msg.setdefault(k, v)
            recs = [r for r in rs if r.get("action") or r.get("status") or r.get("diagnostic-code")]
        if not recs and "bouncedrecipients" in low_note:
            recs, pm = _json_bounces(note_all)
            for k, v in pm.items():
                per_msg.setdefault(k, v)
    if is_message and depth == 0:
        root_type = root.params.get("report-type", "").lower() if root.ctype == "multipart/report" else ""
        kind = kinds.message_kind(headers=top_headers, subject=subject, report_type=root_type, note=note,
                                  dsn_actions=[_action(r) for r in recs], has_dsn=bool(dsn_texts or recs))
        if kind:
            return Report([], subject=subject, notification=note[:16000], is_message=True, not_a_bounce=kind)
    recs = [r for r in recs if _action(r) not in kinds.SUCCESS_ACTIONS] or recs

    lines = note.split("\n", MAX_NOTE_LINES)[:MAX_NOTE_LINES]
    boiler = _Boiler(lines)
    if len(recs) == 1:
        anchors, role_only = [], False  # one recipient: the whole notification is about it
    else:
        anchors, role_only = find_anchors(lines, _sender_addresses(top_headers, note, per_msg))
    if role_only and not recs and depth < MAX_NEST:
        nested = _nested_report(inline_original, returned, depth, budget)
        if nested is not None:
            nested.subject = nested.subject or subject
            return nested
    segs, preamble = assign_segments(lines, anchors)
    first: dict[str, _Anchor] = {}
    for a in anchors:
        first.setdefault(a.key, a)

    reporting = _mta_name(per_msg.get("reporting-mta"))
    facts: list[Fact] = []
    pre_diag: tuple[str, int] | None = None

    def preamble_diag() -> tuple[str, int]:
        nonlocal pre_diag
        if pre_diag is None:
            pre_diag = extract_diagnostic(_drop_boiler(preamble, boiler), boiler=boiler) if preamble else ("", 0)
        return pre_diag

    if recs:
        for r in recs[:MAX_RECIPIENTS]:
            rcpt = _dsn_value(r.get("final-recipient"))
            if not _usable_address(rcpt, r.get("final-recipient")):
                # RFC 3464 2.3.2: the final address may be of another type (X.400 "x400; /S=.../") or
                # internal ("user@sims-ms-daemon"); the Original-Recipient says what the sender wrote
                rcpt = _dsn_value(r.get("original-recipient")) or rcpt
            key = _addr_key(rcpt or "")
            okey = _addr_key(_dsn_value(r.get("original-recipient")) or "")
            akey = key if key in segs else okey
            seg = segs.get(akey)
            if seg is None and len(recs) == 1:
                seg = segs[next(iter(segs))] if len(segs) == 1 else lines
            dtype, dtext = _dsn_diag(r.get("diagnostic-code"))
            fact = Fact(recipient=rcpt, action=_action(r) or None,
                        original_recipient=_dsn_value(r.get("original-recipient")),
                        dsn_status=normalize_status(r.get("status")), diagnostic_type=dtype,
                        reporting_mta=reporting, remote_mta=_mta_name(r.get("remote-mta")))
            seg_lines = seg or []
            seg_flat = collapse("\n".join(seg_lines[:400]))[:8000] if seg_lines else ""
            a = first.get(akey)
            dtext = _trim_said(collapse(dtext))
            empty = _is_empty_diag(dtext)
            if seg_lines and (empty or (len(dtext) < 60 and not REPLY_RE.search(dtext[:8]))):
                seg_diag, _strength = extract_diagnostic(seg_lines, a.rest if a else "", rcpt,
                                                         a.prefix if a else "", seg_flat, boiler)
                if empty and seg_diag:
                    dtext = seg_diag
                elif seg_diag and REPLY_RE.match(seg_diag) and dtext.lower() in seg_diag.lower():
                    dtext = seg_diag  # the notification quotes the server more fully than the DSN field
            fact.diagnostic = dtext[:MAX_DIAG_CHARS]
            fact.context = seg_flat[:4000]
            if r.get("x-context"):
                fact.context = (fact.context + " " + r["x-context"]).strip()
            fact.command = detect_command(seg_flat, seg_lines, fact.diagnostic) if seg_lines else None
            if not fact.command and fact.diagnostic:
                fact.command = detect_command(fact.diagnostic)
            facts.append(fact)
    else:
        order: list[str] = []
        for a in anchors:
            if a.key not in order:
                order.append(a.key)
        for key in order[:MAX_RECIPIENTS]:
            seg_lines = segs.get(key, [])
            a = first[key]
            seg_flat = collapse("\n".join(seg_lines[:400]))[:8000]
            diag, strength = extract_diagnostic(seg_lines, a.rest, key, a.prefix, seg_flat, boiler)
            if strength < 3 and preamble:
                pd, ps = preamble_diag()
                if pd and (ps > strength or _is_empty_diag(diag)):
                    diag = pd
                    seg_lines = preamble + seg_lines
                    seg_flat = collapse("\n".join(seg_lines[:400]))[:8000]
            fact = Fact(recipient=a.addr, diagnostic=diag, context=seg_flat[:4000],
                        original_recipient=a.original if a.original != a.addr else None)
            fact.command = detect_command(seg_flat, seg_lines, diag)
            facts.append(fact)

    if not facts and depth < MAX_NEST:
        nested = _nested_report(inline_original, returned, depth, budget)
        if nested is not None:
            nested.subject = nested.subject or subject
            return nested

    if not facts:
        rcpt = None
        xf = _header(top_headers, "x-failed-recipients")
        if xf:
            found = find_addresses(xf)
            rcpt = found[0][2] if found else None
        if rcpt is None:
            rcpt = _summary_recipient(lines) or _bare_name_recipient(lines, top_headers)
        if rcpt is None:
            rcpt = _returned_recipient(returned, inline_original)
        kept = _drop_boiler(lines, boiler)
        kept_flat = collapse("\n".join(kept[:400]))[:8000]
        diag, _strength = extract_diagnostic(kept, flat=kept_flat, boiler=boiler) if kept else ("", 0)
        if not diag and not is_message:
            diag = collapse(note[:MAX_DIAG_CHARS * 2])[:MAX_DIAG_CHARS]  # a pasted sentence: all we have
            kept_flat = kept_flat or diag
        facts.append(Fact(recipient=rcpt, diagnostic=diag, context=kept_flat[:4000],
                          command=detect_command(collapse(note[:20000]), lines)))

    single = len(facts) == 1
    note_head = note[:16000]
    for f in facts:
        f.pasted = not is_message
        if not f.reporting_mta:
            f.reporting_mta = reporting or _reporting_from_text(note, top_headers)
        if single:
            if preamble:
                pre = preamble
                f.context_extra = lambda pre=pre, boiler=boiler: collapse(_join_kept(pre, boiler))
            elif not f.context:
                f.context_extra = lambda: collapse(note_head)[:6000]
            if not f.command:
                f.command = detect_command(note_head, lines)
        _finish_codes(f)
        _finish_hosts(f, f.context or note_head[:1000])
    return Report(facts, subject=subject, notification=note_head, is_message=is_message)


def _join_kept(lines: list[str], boiler: "_Boiler | None" = None) -> str:
    return "\n".join(_drop_boiler(lines, boiler))


def _usable_address(addr: str | None, field_value: str | None) -> bool:
    if not addr or "@" not in addr or "." not in addr.rsplit("@", 1)[1]:
        return False
    addr_type, sep, _rest = (field_value or "").partition(";")
    return not sep or addr_type.strip().lower() in ("rfc822", "utf-8", "")


def _action(rec: dict[str, str]) -> str:
    """RFC 3464 Action of a recipient block, lower-case, without comments ("failed (bad mailbox)")."""
    return (rec.get("action") or "").strip().lower().split(" ")[0]


def _trim_said(d: str) -> str:
    """'host mx.example.org[192.0.2.1] said: 550 ...' -> '550 ...' (Postfix X-Postfix diagnostics)."""
    i = d.find(" said: ")
    if 0 <= i < 300:
        return d[i + 7:].strip()
    return d


def _json_bounces(text: str) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Amazon SES / SNS JSON bounce notifications: bouncedRecipients[]."""
    recs: list[dict[str, str]] = []
    per_msg: dict[str, str] = {}
    i, j = text.find("{"), text.rfind("}")
    if i < 0 or j <= i:
        return recs, per_msg

    def walk(o, depth: int) -> None:
        if depth > 6 or len(recs) >= MAX_RECIPIENTS:
            return
        if isinstance(o, str):
            t = o.strip()
            if t.startswith("{") and "bouncedRecipients" in t:
                try:
                    walk(json.loads(t, strict=False), depth + 1)
                except ValueError:
                    pass
        elif isinstance(o, dict):
            br = o.get("bouncedRecipients")
            if isinstance(br, list):
                extra = " ".join("%s: %s" % (k, o[k]) for k in ("bounceType", "bounceSubType")
                                 if isinstance(o.get(k), str))
                if isinstance(o.get("reportingMTA"), str):
                    per_msg.setdefault("reporting-mta", o["reportingMTA"])
                for r in br[:MAX_RECIPIENTS]:
                    if isinstance(r, dict) and isinstance(r.get("emailAddress"), str):
                        recs.append({"final-recipient": "rfc822; " + r["emailAddress"],
                                     "action": str(r.get("action") or "failed"),
                                     "status": str(r.get("status") or ""),
                                     "diagnostic-code": str(r.get("diagnosticCode") or ""),
                                     "x-context": extra})
            for v in list(o.values())[:200]:
                walk(v, depth + 1)
        elif isinstance(o, list):
            for v in o[:200]:
                walk(v, depth + 1)

    try:
        walk(json.loads(text[i:j + 1], strict=False), 0)
    except ValueError:
        flat = text.replace('\\"', '"')
        for m in re.finditer(r'"emailAddress"\s*:\s*"([^"\s]{1,320})"', flat[:500_000]):
            seg = flat[m.end():m.end() + 600]
            st = re.search(r'"status"\s*:\s*"([^"]{0,20})"', seg)
            dc = re.search(r'"diagnosticCode"\s*:\s*"([^"]{0,1000})"', seg)
            recs.append({"final-recipient": "rfc822; " + m.group(1), "action": "failed",
                         "status": st.group(1) if st else "", "diagnostic-code": dc.group(1) if dc else ""})
            if len(recs) >= MAX_RECIPIENTS:
                break
    return recs, per_msg


def _is_empty_diag(s: str) -> bool:
    s = s.strip()
    return not s or bool(re.fullmatch(r"[\d. ]{0,12}", s))


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    for k, v in headers:
        if k == name:
            return v
    return None


def _collect(part: mime.Part, notes: list[str], dsns: list[str], returned: list[mime.Part]) -> None:
    if part.returned or part.ctype in mime.RETURNED_TYPES:
        returned.append(part)
        return
    ct = part.ctype
    if ct.startswith("multipart/"):
        if ct == "multipart/alternative":
            kids = [c for c in part.children if c.ctype == "text/plain" and c.text().strip()]
            if kids:
                for c in part.children:
                    if c.ctype != "text/html":
                        _collect(c, notes, dsns, returned)
                return
        for c in part.children:
            _collect(c, notes, dsns, returned)
        return
    if ct in mime.DSN_TYPES:
        dsns.append(part.text())
        return
    if ct.startswith("text/") or ct in ("message/disposition-notification",):
        t = part.text()
        head = t.lstrip()[:300].lower()
        if ct == "text/plain" and (head.startswith("reporting-mta:") or head.startswith("final-recipient:")
                                   or head.startswith("original-recipient:")):
            dsns.append(t)
        else:
            notes.append(t)


_SENDER_IN_TEXT_RE = rx.Pattern(
    r"(?:mail from:?\s*<|envelope-from\s*<?|x-postfix-sender:\s*rfc822;\s*|sender:\s*<?|return-path:\s*<)"
    r"([^\s<>\"]{1,64}@[^\s<>\"]{1,255})")


_SENDER_HEADERS = frozenset({"to", "delivered-to", "x-original-to", "return-path", "envelope-to"})


def _sender_addresses(headers, note: str, per_msg: dict[str, str]) -> set[str]:
    out: set[str] = set()
    values = "\n".join(v for name, v in headers if name in _SENDER_HEADERS and v)
    if values:
        for _s, _e, a in find_addresses(values, limit=20):
            out.add(_addr_key(a))
    t = rx.Text(note[:60_000])
    for sp in _SENDER_IN_TEXT_RE.iter_spans(t, 100):
        out.add(_addr_key(t.sub(*sp[1])).rstrip(">.,;:"))
    return out


# qmail-send (qmail-send.c bounce text) and Yahoo's qmail-derived notices summarise the returned
# message above "--- Below this line is a copy of the message." with its "To:" line.
_SUMMARY_TO_RE = re.compile(r"^\s*to:\s*<?([^\s<>@]{1,64}@[^\s<>@]{1,255}?)>?\s*$", re.I)
# "Message not delivered to the following:" (phquery), "could not be delivered ... recipients ...:"
# (AOL) followed by a bare name: a local part of the reporting domain (AOL screen names).
_FOLLOWING_RE = re.compile(r"\b(?:following|recipients?)\b", re.I)
_BARE_NAME_RE = re.compile(r"^\s+([A-Za-z0-9][A-Za-z0-9._+-]{0,63})(?:\s{2,}\S.*)?$")


def _summary_recipient(lines: list[str]) -> str | None:
    found = [m.group(1) for ln in lines[:200] if (m := _SUMMARY_TO_RE.match(ln))]
    return found[0] if len(found) == 1 else None


def _bare_name_recipient(lines: list[str], headers: list[tuple[str, str]]) -> str | None:
    frm = find_addresses(_header(headers, "from") or "", limit=1)
    if not frm:
        return None
    labels = frm[0][2].rsplit("@", 1)[1].strip(">").lower().split(".")
    # the registered domain: two labels, three under a country's generic second level (co.uk)
    n = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in ("co", "ac", "com", "net", "org", "gov",
                                                                         "edu", "ne", "or", "go") else 2
    domain = ".".join(labels[-n:])
    for i, ln in enumerate(lines[1:200], 1):
        m = _BARE_NAME_RE.match(ln)
        if not m or "@" in ln:
            continue
        before = [x for x in lines[max(0, i - 4):i] if x.strip()][-2:]
        if before and before[-1].rstrip().endswith(":") and _FOLLOWING_RE.search(" ".join(before)):
            return "%s@%s" % (m.group(1), domain)
    return None


def _returned_recipient(returned: list[mime.Part], inline_original: str) -> str | None:
    """Last resort: the To of the returned message, when it names exactly one address."""
    hdr = None
    if returned:
        p = returned[0]
        msg = p.message() if p.ctype.startswith("message/") else None
        if msg is not None:
            hdr = msg.header("to")
        elif p.ctype == "text/rfc822-headers":
            hs, _ = mime.split_headers(p.text())
            hdr = _header(hs, "to")
        else:
            hdr = p.header("to")
    elif inline_original:
        hs, _ = mime.split_headers(inline_original.lstrip()[:20000])
        hdr = _header(hs, "to")
    if hdr:
        found = find_addresses(hdr, limit=3)
        if len(found) == 1:
            return found[0][2].strip("<>")
    return None


_EMBEDDED_START_RE = re.compile(r"^(?:From |Return-Path:|Received:|Content-Type:\s*multipart/report)", re.M)


def _nested_report(inline_original: str, returned: list[mime.Part], depth: int, budget: mime.Budget) -> Report | None:
    """A report forwarded inside a message (or inside the 'returned message'): read it, once."""
    candidates: list[str] = []
    if inline_original and "@" in inline_original:
        m = _EMBEDDED_START_RE.search(inline_original)
        if m:
            candidates.append(inline_original[m.start():])
    for p in returned[:2]:
        if p.ctype in ("message/rfc822", "message/global"):
            candidates.append(p.body if (p.header("content-transfer-encoding") or "").lower() not in
                              ("base64", "quoted-printable") else p.raw_bytes().decode("utf-8", "surrogateescape"))
    for cand in candidates:
        low = cand[:200_000].lower()
        if not ("delivery-status" in low or "final-recipient" in low or "undeliver" in low or "failed" in low
                or "could not be delivered" in low or "returned mail" in low):
            continue
        sub = read(cand.replace("\r\n", "\n"), depth=depth + 1, budget=budget)
        if any(f.recipient for f in sub.facts):
            return sub
    return None


def _finish_codes(f: Fact) -> None:
    diag = f.diagnostic
    rm = REPLY_RE.search(diag[:200]) if diag else None
    if rm and not f.reply_code:
        f.reply_code = rm.group(1)
    sm = STATUS_RE.search(diag[:300]) if diag else None
    if sm:
        f.text_status = "%s.%d.%d" % (sm.group(1), int(sm.group(2)), int(sm.group(3)))
    if (f.dsn_status and f.text_status and f.dsn_status in ("4.4.7", "5.4.7") and not is_generic(f.text_status)
            and f.text_status != f.dsn_status):
        f.status = f.text_status  # the server's own code beats "delivery time expired"
    elif f.dsn_status and not is_generic(f.dsn_status):
        f.status = f.dsn_status
    elif f.text_status and not is_generic(f.text_status):
        f.status = f.text_status
    else:
        f.status = f.dsn_status or f.text_status


_REPORTING_RE = rx.Pattern(
    r"(?:this is the (?:mail system|postfix program|qmail-send program|mailer-daemon|"
    r"dragonfly mail agent v[\d.]+|email security gateway) at(?: host)?|generating server:|"
    r"server di generazione:|serveur de g[ée]n[ée]ration ?:|message from)\s+"
    r"([A-Za-z0-9][A-Za-z0-9.-]{1,250}[A-Za-z0-9])")
_REMOTE_RE = rx.Pattern(
    r"(?:\bhost\s+|while talking to\s+|remote system:\s*dns;\s*|server\s+|connect to\s+)"
    r"([A-Za-z0-9][A-Za-z0-9.-]{1,250}\.[A-Za-z]{2,24})\.?(?:\s*\[|\[|:|\s|$)")


def _reporting_from_text(note: str, headers) -> str | None:
    g = _REPORTING_RE.find(note[:6000], 1)
    if g:
        return g.rstrip(".")
    frm = _header(headers, "from") if headers else None
    if frm:
        found = find_addresses(frm, limit=2)
        if found:
            return found[0][2].split("@", 1)[1].strip(">").lower()
    return None


def _finish_hosts(f: Fact, context: str) -> None:
    text = f.diagnostic + " " + (context or "")[:800]
    tt = rx.Text(text)
    dsn_remote = bool(f.remote_mta)
    if not f.remote_mta:
        g = _REMOTE_RE.find(tt, 1)
        if g:
            f.remote_mta = g.lower()
    f.ips = _ips(tt)
    doms = []
    if f.recipient and "@" in f.recipient:
        doms.append(f.recipient.rsplit("@", 1)[1].strip(">").lower())
    for d in (f.remote_mta, f.reporting_mta):
        if d and "." in d and not d.replace(".", "").isdigit() and d.lower() not in doms:
            doms.append(d.lower())
    for d in _domains(tt, len(f.diagnostic.encode("utf-8", "surrogatepass"))):
        if d not in doms:
            doms.append(d)
    f.domains = doms[:20]
    # passed on: the reporting server relays a refusal it received from another server
    if f.passed_on is None:
        rem, rep = (f.remote_mta or "").lower(), (f.reporting_mta or "").lower()
        if _PASSED_ON_RE.test(tt):
            f.passed_on = True
        elif dsn_remote and rem and rep and rem != rep and not rem.endswith(rep) and not rep.endswith(rem) \
                and f.reply_code:
            f.passed_on = True  # a DSN naming another server that answered with an SMTP reply
        elif f.reporting_mta and (f.diagnostic or f.status):
            f.passed_on = False
