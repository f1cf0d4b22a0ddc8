"""Addresses, IP addresses and host names in bounce text.

Every scan is RE2 on the text's bytes, so that hostile input costs linear time.
"""

from __future__ import annotations

from . import rx


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


def addr_key(a: str) -> str:
    return a.strip("<>\"' ").lower()

_IPV4_CAND_RE = rx.Pattern(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")

_HOST_CAND_RE = rx.Pattern(r"\b(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.){1,10}[a-z]{2,24}\b")

_IPV6_CAND_RE = rx.Pattern(r"(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}")

_DIGITS = frozenset(b"0123456789")

_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def find_ips(text: "str | rx.Text") -> list[str]:
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


def find_domains(text: "str | rx.Text", limit: int | None = None) -> list[str]:
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
