"""A small, forgiving MIME reader for bounce messages.

Why not :mod:`email`: bounces are often broken (boundaries that do not match the header,
missing boundaries, parts without headers, lying charsets) and visitors paste anything. This
reader never raises, bounds nesting depth and part count, and decodes only what is asked for,
lazily, so that the returned original message (often the largest part) costs nothing unless it
is needed as a last resort.
"""

from __future__ import annotations

import binascii
import html
import re
from collections import Counter

from .inputs import decode_bytes, recover_bytes

MAX_DEPTH = 8          # multipart / message nesting
MAX_PARTS = 300        # parts in one message, all levels
MAX_HEADER_LINES = 400

_HEADER_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$%&'*+.^_`|~-]{0,75}:")
_PARAM_RE = re.compile(r"""([A-Za-z0-9!#$%&'*+.^_`|~-]{1,80})\s*=\s*("[^"]{0,1000}"|[^;\s"]{1,1000})""")
_BOUNDARY_LINE_RE = re.compile(r"^--([^\s]{4,200})[ \t]*$", re.M)
_B64_JUNK_RE = re.compile(r"[^A-Za-z0-9+/=]+")
_ENCODED_WORD_RE = re.compile(r"=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]{0,2000})\?=")

RETURNED_TYPES = ("message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers",
                  "message/partial", "message/external-body")
DSN_TYPES = ("message/delivery-status", "message/global-delivery-status", "text/delivery-status",
             "message/x-delivery-status")
# header names that show a part is a returned message rather than a MIME part of the report
_ORIGINAL_HEADERS = {"received", "message-id", "from", "subject", "date", "return-path", "dkim-signature",
                     "x-received", "arc-seal", "to"}


class Budget:
    """Shared counter of parts created while parsing one input."""

    __slots__ = ("parts",)

    def __init__(self) -> None:
        self.parts = 0


class Part:
    __slots__ = ("headers", "ctype", "params", "body", "children", "depth", "returned", "_text",
                 "_message", "budget")

    def __init__(self, headers, body, depth, returned, budget):
        self.headers: list[tuple[str, str]] = headers
        self.body: str = body
        self.depth = depth
        self.returned = returned
        self.children: list[Part] = []
        self._text: str | None = None
        self._message: Part | None = None
        self.budget = budget
        ct = self.header("content-type") or ""
        semi = ct.find(";")
        main = (ct if semi < 0 else ct[:semi]).strip().lower()
        self.ctype = main if "/" in main else ("text/plain" if not main else main + "/unknown")
        self.params = parse_params(ct[semi + 1:]) if semi >= 0 else {}

    # -- headers -------------------------------------------------------------------------
    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k == name:
                return v
        return None

    def header_all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k == name]

    @property
    def looks_like_original(self) -> bool:
        """A part whose 'headers' are those of a message (returned original) not of a MIME part."""
        names = {k for k, _ in self.headers}
        return len(names & _ORIGINAL_HEADERS) >= 2 and "content-description" not in names

    # -- content -------------------------------------------------------------------------
    def raw_bytes(self) -> bytes:
        cte = (self.header("content-transfer-encoding") or "").strip().lower()
        body = self.body
        if cte == "base64":
            data = recover_bytes(body)
            compact = b"".join(data.split())
            try:
                return binascii.a2b_base64(compact + b"=" * (-len(compact) % 4))
            except (binascii.Error, ValueError):
                cleaned = _B64_JUNK_RE.sub("", compact.decode("ascii", "ignore"))
                cleaned = cleaned.rstrip("=")
                cleaned = cleaned[: len(cleaned) - len(cleaned) % 4]
                try:
                    return binascii.a2b_base64(cleaned)
                except (binascii.Error, ValueError):
                    return data
        if cte == "quoted-printable":
            return binascii.a2b_qp(recover_bytes(body))
        return recover_bytes(body)

    def text(self) -> str:
        """Decoded text of a leaf (HTML turned into plain text)."""
        if self._text is None:
            cte = (self.header("content-transfer-encoding") or "").strip().lower()
            if cte not in ("base64", "quoted-printable") and self.body.isascii() and "\x1b" not in self.body:
                txt = self.body  # plain ASCII: nothing to decode
            else:
                txt = decode_bytes(self.raw_bytes(), self.params.get("charset"))
            if "\r" in txt:
                txt = txt.replace("\r\n", "\n").replace("\r", "\n")
            if self.ctype == "text/html" or (self.ctype == "text/plain" and _looks_like_html(txt)):
                txt = html_to_text(txt)
            self._text = txt
        return self._text

    def message(self) -> "Part | None":
        """For message/rfc822 parts: the enclosed message, parsed on demand."""
        if self._message is None and self.depth < MAX_DEPTH:
            body = self.body
            cte = (self.header("content-transfer-encoding") or "").strip().lower()
            if cte in ("base64", "quoted-printable"):
                body = self.raw_bytes().decode("utf-8", "surrogateescape").replace("\r\n", "\n")
            self._message = parse(body, depth=self.depth + 1, returned=True, budget=self.budget)
        return self._message

    def walk(self):
        """Depth-first leaves and containers, in document order (not into message/rfc822)."""
        yield self
        for c in self.children:
            yield from c.walk()


def header(headers: list[tuple[str, str]], name: str) -> str:
    """The first value of a header field (``name`` lower-case), or "" when there is none."""
    for k, v in headers:
        if k == name:
            return v
    return ""


def parse_params(s: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _PARAM_RE.finditer(s[:4000]):
        v = m.group(2)
        if v.startswith('"'):
            v = v[1:-1]
        out.setdefault(m.group(1).lower(), v)
    return out


_FIELD_ALL_RE = re.compile(r"^([!-9;-~]{1,76}):[ \t]*([^\n]*(?:\n[ \t][^\n]*)*)", re.M)
_NOT_FIELD_RE = re.compile(r"\n(?![!-9;-~]{1,76}:|[ \t])")
_FIRST_FIELD_RE = re.compile(r"[!-9;-~]{1,76}:")


def split_headers(text: str) -> tuple[list[tuple[str, str]], str]:
    """Split leading header fields from the body. Tolerates a missing blank line (the block then
    ends at the first line that is neither a field nor a continuation)."""
    pos = 0
    if text.startswith("From ") and not _HEADER_RE.match(text):  # mbox "From " line
        nl = text.find("\n")
        if nl < 0:
            return [], ""
        pos = nl + 1
    if text.startswith("\n", pos):
        return [], text[pos + 1:]
    if not _FIRST_FIELD_RE.match(text, pos):
        return [], text[pos:]
    end = text.find("\n\n", pos)
    block_end = len(text) if end < 0 else end
    bad = _NOT_FIELD_RE.search(text, pos, block_end)
    if bad is not None:
        block_end = bad.start()
        body_start = block_end + 1
    else:
        body_start = block_end + 2 if end >= 0 else len(text)
    if block_end <= pos:
        return [], text[pos:]
    block = text[pos:block_end]
    headers = [(k.lower(), " ".join(v.split()) if "\n" in v else v.strip())
               for k, v in _FIELD_ALL_RE.findall(block)[:MAX_HEADER_LINES]]
    return headers, text[body_start:]


def parse(text: str, depth: int = 0, returned: bool = False, budget: Budget | None = None,
          split: tuple[list[tuple[str, str]], str] | None = None) -> Part:
    budget = budget or Budget()
    budget.parts += 1
    headers, body = split if split is not None else split_headers(text)
    part = Part(headers, body, depth, returned, budget)
    if part.ctype.startswith("multipart/") and depth < MAX_DEPTH:
        pieces = split_multipart(body, part.params.get("boundary"))
        for piece in pieces or ():
            if budget.parts >= MAX_PARTS:
                break
            child = parse(piece, depth + 1, returned, budget)
            if child.ctype in RETURNED_TYPES:
                child.returned = True
            elif not child.ctype.startswith("multipart/") and child.looks_like_original:
                child.returned = True
            part.children.append(child)
        if not pieces:  # a multipart without parts: keep the body as text
            part.ctype = "text/plain"
    return part


def split_multipart(body: str, boundary: str | None) -> list[str] | None:
    if boundary:
        pieces = _split_on(body, boundary)
        if pieces:
            return pieces
    # Boundary missing or not used in the body: find the line that looks like one.
    counts = Counter(m.group(1) for m in _BOUNDARY_LINE_RE.finditer(body, 0, min(len(body), 400_000)))
    for cand, cnt in counts.most_common(3):
        b = cand[:-2] if cand.endswith("--") else cand
        if cnt >= 2 or cand.endswith("--"):
            pieces = _split_on(body, b)
            if pieces:
                return pieces
    return None


def _split_on(body: str, boundary: str) -> list[str] | None:
    delim = "\n--" + boundary
    s = "\n" + body
    pieces: list[str] = []
    idx = s.find(delim)
    if idx < 0:
        return None
    limit = MAX_PARTS
    while idx >= 0 and limit > 0:
        after = idx + len(delim)
        tail = s[after:after + 2]
        if tail == "--":
            break
        if tail and tail[0] not in " \t\n":
            idx = s.find(delim, after)  # a longer boundary sharing this prefix
            continue
        nl = s.find("\n", after)
        if nl < 0:
            break
        nxt = s.find(delim, nl)
        while nxt >= 0:  # skip prefixes of longer boundaries
            t = s[nxt + len(delim):nxt + len(delim) + 1]
            if t in ("", "-", " ", "\t", "\n"):
                break
            nxt = s.find(delim, nxt + len(delim))
        pieces.append(s[nl + 1: nxt if nxt >= 0 else len(s)])
        idx = nxt
        limit -= 1
    return pieces or None


_HTML_BREAK_RE = re.compile(r"<\s*(?:br|/p|/div|/tr|/li|/h[1-6]|p|div|tr|li|table|/table)\b[^<>]{0,500}>", re.I)
_HTML_TAG_RE = re.compile(r"<[^<>]{0,2000}>")
_HTML_SNIFF_RE = re.compile(r"<(?:html|body|div|p|br|table|span)\b", re.I)


def _looks_like_html(txt: str) -> bool:
    head = txt[:2000]
    return "<" in head and len(_HTML_SNIFF_RE.findall(head)) >= 2


def _drop_blocks(txt: str, tag: str) -> str:
    out = []
    low = txt.lower()
    pos = 0
    while True:
        i = low.find("<" + tag, pos)
        if i < 0:
            out.append(txt[pos:])
            break
        out.append(txt[pos:i])
        j = low.find("</" + tag, i)
        if j < 0:
            break
        k = low.find(">", j)
        pos = len(txt) if k < 0 else k + 1
    return "".join(out)


def html_to_text(txt: str) -> str:
    txt = _drop_blocks(_drop_blocks(txt, "script"), "style")
    txt = _HTML_BREAK_RE.sub("\n", txt)
    txt = _HTML_TAG_RE.sub("", txt)
    txt = html.unescape(txt).replace("\xa0", " ")
    return "\n".join(line.strip() for line in txt.split("\n"))


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words (Subject and the like); never raises."""
    if "=?" not in value:
        return value

    def repl(m: re.Match) -> str:
        charset, enc, data = m.group(1), m.group(2).lower(), m.group(3)
        try:
            if enc == "b":
                raw = binascii.a2b_base64(data + "=" * (-len(data) % 4))
            else:
                raw = binascii.a2b_qp(data.replace("_", " ").encode("ascii", "ignore"))
        except (binascii.Error, ValueError):
            return m.group(0)
        return decode_bytes(raw, charset.split("*")[0])

    out = _ENCODED_WORD_RE.sub(repl, value[:4000])
    return out


def message_decoded(text: str) -> str:
    """The message with every part decoded: encoded words in headers, base64 and quoted-printable
    bodies in their charsets, HTML as text; multipart structure and header fields kept, so that
    it reads (and is diagnosed) as the original, but nothing is hidden in an encoding."""
    out: list[str] = []
    _serialise(parse(text.replace("\r\n", "\n")), out)
    return "".join(out)


_CHARSET_PARAM_RE = re.compile(r"""charset\s*=\s*(?:"[^"]*"|[^;\s]+)""", re.I)


def _serialise(part: Part, out: list[str]) -> None:
    leaf = not part.children
    for name, value in part.headers:
        if name == "content-transfer-encoding":
            continue
        if name == "content-type" and leaf:
            value = _CHARSET_PARAM_RE.sub("charset=utf-8", value)  # the text below is Unicode now
        out.append(f"{name}: {decode_words(value) if '=?' in value else value}\n")
    if part.headers:
        if not part.children:
            out.append("content-transfer-encoding: 8bit\n")
        out.append("\n")
    if part.children:
        boundary = part.params.get("boundary") or "decoded-boundary"
        for child in part.children:
            out.append(f"--{boundary}\n")
            _serialise(child, out)
            out.append("\n")
        out.append(f"--{boundary}--\n")
    elif part.ctype in RETURNED_TYPES and part.message() is not None:
        _serialise(part.message(), out)
    elif (part.header("content-transfer-encoding") or "").strip().lower() in ("base64", "quoted-printable"):
        out.append(part.text())
    elif part.body.isascii() or _is_text(part.body):
        out.append(part.body)  # already text: decoding it again by its declared charset would garble it
    else:
        out.append(part.text())  # raw bytes kept as surrogates: decoded by the part's own charset


def _is_text(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
