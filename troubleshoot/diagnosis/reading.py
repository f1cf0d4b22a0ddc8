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

The parts are read by their own modules: :mod:`.dsn` (RFC 3464 fields, Amazon SES JSON),
:mod:`.plaintext` (the human-readable notification: recipients, diagnostics, SMTP stage),
:mod:`.addresses` (addresses, IPs, host names) and :mod:`.kinds` (auto-replies, receipts and
other messages that are not bounces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import kinds, mime, rx
from .addresses import addr_key, collapse, find_addresses, find_domains, find_ips
from .codes import REPLY_RE, STATUS_RE, is_generic, normalize_status
from .dsn import dsn_action, dsn_diagnostic, dsn_value, json_bounces, mta_name, parse_dsn, usable_address
from .errors import MAX_DIAG_CHARS, MAX_NEST, MAX_NOTE_CHARS, MAX_NOTE_LINES, MAX_RECIPIENTS
from .inputs import text_of_str
from .mime import header
from .plaintext import (
    HEADERISH_RE,
    PASSED_ON_RE,
    Anchor,
    Boiler,
    assign_segments,
    bare_name_recipient,
    detect_command,
    drop_boiler,
    extract_diagnostic,
    find_anchors,
    is_empty_diag,
    join_kept,
    split_returned,
    summary_recipient,
    trim_said,
)
from .providers import POWERMTA_CATEGORIES, SES_SUBTYPES, writer_verdict

__all__ = ["Fact", "Report", "read", "collapse", "join_reply", "strip_codes", "looks_like_message"]


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
    provider_reason: tuple[str, str] | None = None  # (category, evidence) from the writer's own reason field
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
    not_a_bounce: str | None = None  # kinds.NotABounce: then ``facts`` is empty
    sender: str | None = None  # who the bounce went back to: the original's sender

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

_CODES_INSIDE_RE = re.compile(r"(?:(?<=\s)|^)[245]\d\d(?:[ -]#?[245]\.\d{1,3}\.\d{1,3}\b|-(?=\S))")

_CODES_LEAD_RE = re.compile(r"^\s*(?:[245]\d\d[ :]\s*)?(?:#?[245]\.\d{1,3}\.\d{1,3}\s*)?")


def strip_codes(s: str) -> str:
    """Remove SMTP reply codes and enhanced status codes that prefix (or repeat inside) a reply."""
    if not s:
        return s
    s = _CODES_INSIDE_RE.sub(" ", s)
    s = _CODES_LEAD_RE.sub("", s, 1)
    return " ".join(s.split())


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
              if HEADERISH_RE.match(text, text.find("\n", m.start()) + 1)]
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
    return Report(facts, subject=first.subject, notification=first.notification, is_message=True,
                  sender=first.sender)


def _read(text: str, depth: int, budget: mime.Budget) -> Report:
    headers0, body0 = mime.split_headers(text)
    is_message = _is_message_headers(headers0)
    subject = ""
    top_headers: list[tuple[str, str]] = []
    notes: list[str] = []
    dsn_texts: list[str] = []
    returned: list[mime.Part] = []
    mdns: list[str] = []
    if is_message:
        root = mime.parse(text, depth=depth, budget=budget, split=(headers0, body0))
        top_headers = root.headers
        subject = text_of_str(mime.decode_words(root.header("subject") or ""))
        _collect(root, notes, dsn_texts, returned, mdns)
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
        fact.ips = find_ips(joined)
        fact.domains = find_domains(joined)
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
            recs, pm = json_bounces(note_all)
            for k, v in pm.items():
                per_msg.setdefault(k, v)
    if is_message and depth == 0:
        root_type = root.params.get("report-type", "").lower() if root.ctype == "multipart/report" else ""
        kind = kinds.message_kind(headers=top_headers, subject=subject, report_type=root_type,
                                  note=note + "\n" + "\n".join(mdns),
                                  dsn_actions=[dsn_action(r) for r in recs], has_dsn=bool(dsn_texts or recs))
        if kind:
            return Report([], subject=subject, notification=note[:16000], is_message=True, not_a_bounce=kind)
    recs = [r for r in recs if dsn_action(r) not in kinds.SUCCESS_ACTIONS] or recs

    lines = note.split("\n", MAX_NOTE_LINES)[:MAX_NOTE_LINES]
    boiler = Boiler(lines)
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
    first: dict[str, Anchor] = {}
    for a in anchors:
        first.setdefault(a.key, a)

    reporting = mta_name(per_msg.get("reporting-mta"))
    facts: list[Fact] = []
    pre_diag: tuple[str, int] | None = None

    def preamble_diag() -> tuple[str, int]:
        nonlocal pre_diag
        if pre_diag is None:
            pre_diag = extract_diagnostic(drop_boiler(preamble, boiler), boiler=boiler) if preamble else ("", 0)
        return pre_diag

    if recs:
        for r in recs[:MAX_RECIPIENTS]:
            rcpt = dsn_value(r.get("final-recipient"))
            if not usable_address(rcpt, r.get("final-recipient")):
                # RFC 3464 2.3.2: the final address may be of another type (X.400 "x400; /S=.../") or
                # internal ("user@sims-ms-daemon"); the Original-Recipient says what the sender wrote
                rcpt = dsn_value(r.get("original-recipient")) or rcpt
            key = addr_key(rcpt or "")
            okey = addr_key(dsn_value(r.get("original-recipient")) or "")
            akey = key if key in segs else okey
            seg = segs.get(akey)
            if seg is None and len(recs) == 1:
                seg = segs[next(iter(segs))] if len(segs) == 1 else lines
            dtype, dtext = dsn_diagnostic(r.get("diagnostic-code"))
            fact = Fact(recipient=rcpt, action=dsn_action(r) or None,
                        original_recipient=dsn_value(r.get("original-recipient")),
                        dsn_status=normalize_status(r.get("status")), diagnostic_type=dtype,
                        reporting_mta=reporting, remote_mta=mta_name(r.get("remote-mta")))
            seg_lines = seg or []
            seg_flat = collapse("\n".join(seg_lines[:400]))[:8000] if seg_lines else ""
            a = first.get(akey)
            dtext = trim_said(collapse(dtext))
            empty = is_empty_diag(dtext)
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
            fact.provider_reason = provider_field_reason(r)
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
                if pd and (ps > strength or is_empty_diag(diag)):
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
        xf = header(top_headers, "x-failed-recipients")
        if xf:
            found = find_addresses(xf)
            rcpt = found[0][2] if found else None
        if rcpt is None and mdns:  # a Sieve reject (RFC 5429) names its recipient in the MDN part
            mdn_recs = parse_dsn(mdns[0])[1]
            rcpt = dsn_value(mdn_recs[0].get("final-recipient")) if mdn_recs else None
        if rcpt is None:
            rcpt = summary_recipient(lines) or bare_name_recipient(lines, top_headers)
        if rcpt is None:
            rcpt = _returned_recipient(returned, inline_original)
        kept = drop_boiler(lines, boiler)
        kept_flat = collapse("\n".join(kept[:400]))[:8000]
        diag, _strength = extract_diagnostic(kept, flat=kept_flat, boiler=boiler) if kept else ("", 0)
        if not diag and not is_message:
            diag = collapse(note[:MAX_DIAG_CHARS * 2])[:MAX_DIAG_CHARS]  # a pasted sentence: all we have
            kept_flat = kept_flat or diag
        facts.append(Fact(recipient=rcpt, diagnostic=diag, context=kept_flat[:4000],
                          command=detect_command(collapse(note[:20000]), lines)))

    single = len(facts) == 1
    note_head = note[:16000]
    verdict = writer_verdict(sender=header(top_headers, "from"), subject=subject, mailer=header(top_headers, "x-mailer"),
                             spasign=header(top_headers, "x-spasign"), text=note_head) if is_message else None
    # A refusal before any recipient was given (at the greeting, HELO or MAIL FROM, as a Sendmail
    # transcript shows it) concerns every recipient of that transaction, not only the one whose
    # lines carry the transcript.
    whole_cmd = detect_command(note_head, lines) if len(facts) > 1 and ">>>" in note_head else None
    for f in facts:
        if not f.command and whole_cmd in ("CONN", "HELO", "MAIL"):
            f.command = whole_cmd
        f.pasted = not is_message
        if not f.reporting_mta:
            f.reporting_mta = reporting or _reporting_from_text(note, top_headers)
        if single:
            if not is_message:
                # a paste is all the sender has: every sentence of it counts, boilerplate-looking or not
                # ("Votre message n'a pas pu être remis, car vous ne figurez pas dans la liste...")
                f.context_extra = lambda: collapse(note_head)[:6000]
            elif preamble:
                pre = preamble
                f.context_extra = lambda pre=pre, boiler=boiler: collapse(join_kept(pre, boiler))
            elif not f.context:
                f.context_extra = lambda: collapse(note_head)[:6000]
            if not f.command:
                f.command = detect_command(note_head, lines)
        if verdict and not f.provider_reason:
            f.provider_reason = verdict
        _finish_codes(f)
        _finish_hosts(f, f.context or note_head[:1000])
    return Report(facts, subject=subject, notification=note_head, is_message=is_message,
                  sender=_bounce_addressee(top_headers) if is_message else None)


_ADDRESSEE_RE = re.compile(r"[A-Za-z0-9._%+=~!#$&'*/?^`{|}-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _bounce_addressee(headers: list[tuple[str, str]]) -> str | None:
    """The bounce is sent back to the original's sender (RFC 5321 4.5.5: to the reverse-path):
    its To names them."""
    found = _ADDRESSEE_RE.findall(header(headers, "to")[:1000])
    return found[0] if len(found) == 1 else None


def _collect(part: mime.Part, notes: list[str], dsns: list[str], returned: list[mime.Part],
             mdns: list[str]) -> None:
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
                        _collect(c, notes, dsns, returned, mdns)
                return
        for c in part.children:
            _collect(c, notes, dsns, returned, mdns)
        return
    if ct in mime.DSN_TYPES:
        dsns.append(part.text())
        return
    if ct == "message/disposition-notification":
        # RFC 8098 fields (Reporting-UA, Final-Recipient, Disposition): machine-readable, not prose
        mdns.append(part.text())
        return
    if ct.startswith("text/"):
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
            out.add(addr_key(a))
    t = rx.Text(note[:60_000])
    for sp in _SENDER_IN_TEXT_RE.iter_spans(t, 100):
        out.add(addr_key(t.sub(*sp[1])).rstrip(">.,;:"))
    return out


_ENVELOPE_TO_RE = re.compile(r"^\s*RCPT TO:\s*(\S+@\S+)\s*$", re.M | re.I)


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
            hdr = header(hs, "to")
        else:
            hdr = p.header("to")
    elif inline_original:
        hs, _ = mime.split_headers(inline_original.lstrip()[:20000])
        hdr = header(hs, "to")
        if not hdr:
            # Apache James and Verizon list the original's envelope under "Message details:", indented:
            # "  RCPT TO: a@example.org" (via-apachejames.go:40-64, via-verizon.go:36-44)
            envelope = _ENVELOPE_TO_RE.search(inline_original[:4000])
            hdr = envelope.group(1) if envelope else None
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
    frm = header(headers, "from") if headers else None
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
    f.ips = find_ips(tt)
    doms = []
    if f.recipient and "@" in f.recipient:
        doms.append(f.recipient.rsplit("@", 1)[1].strip(">").lower())
    for d in (f.remote_mta, f.reporting_mta):
        if d and "." in d and not d.replace(".", "").isdigit() and d.lower() not in doms:
            doms.append(d.lower())
    for d in find_domains(tt, len(f.diagnostic.encode("utf-8", "surrogatepass"))):
        if d not in doms:
            doms.append(d)
    f.domains = doms[:20]
    # passed on: the reporting server relays a refusal it received from another server
    if f.passed_on is None:
        rem, rep = (f.remote_mta or "").lower(), (f.reporting_mta or "").lower()
        if PASSED_ON_RE.test(tt):
            f.passed_on = True
        elif dsn_remote and rem and rep and rem != rep and not rem.endswith(rep) and not rep.endswith(rem) \
                and f.reply_code:
            f.passed_on = True  # a DSN naming another server that answered with an SMTP reply
        elif f.reporting_mta and (f.diagnostic or f.status):
            f.passed_on = False


def provider_field_reason(rec: dict[str, str]) -> tuple[str, str] | None:
    """The reason a writer states in a field of its own: PowerMTA's X-PowerMTA-BounceCategory
    (rfc3464/powermta.go in Sisimai), Amazon SES's bounceSubType."""
    pmta = (rec.get("x-powermta-bouncecategory") or "").strip().lower()
    if pmta in POWERMTA_CATEGORIES:
        return POWERMTA_CATEGORIES[pmta], "X-PowerMTA-BounceCategory: %s" % pmta
    subtype = (rec.get("x-ses-subtype") or "").strip().lower()
    if subtype in SES_SUBTYPES:
        return SES_SUBTYPES[subtype], "bounceSubType: %s" % rec["x-ses-subtype"]
    return None
