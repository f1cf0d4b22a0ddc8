"""The machine-readable reports: RFC 3464 delivery-status fields and Amazon SES's JSON.

RFC 3464 section 2 gives the fields (per message: Reporting-MTA...; per recipient: Final-Recipient,
Original-Recipient, Action, Status, Remote-MTA, Diagnostic-Code...). Amazon SES and SNS wrap the
same facts in JSON (bouncedRecipients[], docs.aws.amazon.com/ses/latest/dg/notification-contents.html).
"""

from __future__ import annotations

import json
import re

from .errors import MAX_NOTE_LINES, MAX_RECIPIENTS


_FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z0-9-]{1,40})[ \t]*:[ \t]*(.*)$")

_PER_RECIPIENT = frozenset({"final-recipient", "original-recipient", "action", "status", "remote-mta",
                            "diagnostic-code", "last-attempt-date", "will-retry-until", "x-actual-recipient",
                            "final-log-id", "x-display-name", "x-powermta-bouncecategory"})

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


def dsn_value(v: str | None) -> str | None:
    """'rfc822; a@b' -> 'a@b'; 'dns; mx.example.org (…)' -> 'mx.example.org'."""
    if not v:
        return None
    if ";" in v:
        v = v.split(";", 1)[1]
    v = v.strip().strip("<>").strip()
    return v or None


def mta_name(v: str | None) -> str | None:
    v = dsn_value(v)
    if not v:
        return None
    v = v.split()[0].strip("[]")
    return v.rstrip(".") or None


def dsn_diagnostic(v: str | None) -> tuple[str | None, str]:
    if not v:
        return None, ""
    v = v.strip()
    m = re.match(r"([A-Za-z][A-Za-z0-9_-]{0,30})\s*;\s*", v)
    if m:
        return m.group(1).lower(), v[m.end():].strip()
    return None, v


def usable_address(addr: str | None, field_value: str | None) -> bool:
    if not addr or "@" not in addr or "." not in addr.rsplit("@", 1)[1]:
        return False
    addr_type, sep, _rest = (field_value or "").partition(";")
    return not sep or addr_type.strip().lower() in ("rfc822", "utf-8", "")


def dsn_action(rec: dict[str, str]) -> str:
    """RFC 3464 Action of a recipient block, lower-case, without comments ("failed (bad mailbox)")."""
    return (rec.get("action") or "").strip().lower().split(" ")[0]


def json_bounces(text: str) -> tuple[list[dict[str, str]], dict[str, str]]:
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
                subtype = o.get("bounceSubType") if isinstance(o.get("bounceSubType"), str) else ""
                if isinstance(o.get("reportingMTA"), str):
                    per_msg.setdefault("reporting-mta", o["reportingMTA"])
                for r in br[:MAX_RECIPIENTS]:
                    if isinstance(r, dict) and isinstance(r.get("emailAddress"), str):
                        recs.append({"final-recipient": "rfc822; " + r["emailAddress"],
                                     "action": str(r.get("action") or "failed"),
                                     "status": str(r.get("status") or ""),
                                     "diagnostic-code": str(r.get("diagnosticCode") or ""),
                                     "x-context": extra, "x-ses-subtype": subtype})
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
