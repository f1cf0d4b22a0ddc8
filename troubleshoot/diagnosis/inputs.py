"""Turn whatever a visitor pasted or uploaded into text, or refuse it.

Rules:
- more than MAX_INPUT_BYTES bytes (or characters, for str input) -> ``too_large``;
- nothing but whitespace -> ``empty``;
- binary data (known file signatures, or more than 5% control bytes) -> ``binary``; a stray NUL
  or a few control characters in a real email are dropped;
- UTF-16/32 (with a BOM, or ASCII-as-UTF-16 without one) is decoded;
- otherwise bytes are decoded as UTF-8 with ``surrogateescape`` so that no byte is lost: MIME
  parts declaring another charset are re-decoded from the original bytes later
  (see :func:`recover_bytes`).
"""

from __future__ import annotations

import codecs
import re

from .errors import MAX_INPUT_BYTES, BounceInputError

_BINARY_MAGIC = (
    b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe",
    b"\x00\x00\x01\x00", b"OggS", b"RIFF", b"ID3", b"\x1aE\xdf\xa3", b"SQLite format 3",
    b"\xd0\xcf\x11\xe0",
)
# control bytes that never appear in text (TAB, LF, FF, CR and ESC — used by ISO-2022 — are fine)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_CONTROL_RE = re.compile("[%s]" % re.escape(_CONTROL.decode("ascii")))
# more than this share of control bytes (NUL included) is not text
_BINARY_SHARE = 0.05


def _utf16_guess(sample: bytes) -> str | None:
    """ASCII text stored as UTF-16 without BOM has a NUL in every other byte."""
    if len(sample) < 8:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    """Known file signatures, or mostly control bytes. A real email can carry a stray NUL or a few
    control characters (a truncated part, a buggy gateway): those are dropped, not refused."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > len(sample) * _BINARY_SHARE


def _controls(text: str) -> int:
    return len(_CONTROL_RE.findall(text))


def _drop_controls(text: str) -> str:
    # the ASCII check first: bytes.translate runs at memory speed, a regex scan does not
    raw = text.encode("utf-8", "surrogateescape")
    if len(raw.translate(None, _CONTROL)) == len(raw):
        return text
    return _CONTROL_RE.sub("", text)


def decode_input(text: str | bytes) -> str:
    """Return the input as str (LF line ends) or raise :class:`BounceInputError`."""
    if text is None:
        raise BounceInputError("empty")
    if isinstance(text, (bytearray, memoryview)):
        text = bytes(text)
    if isinstance(text, str):
        if len(text) > MAX_INPUT_BYTES:
            raise BounceInputError("too_large")
        sample = text[:65536]
        if _controls(sample) > len(sample) * _BINARY_SHARE:
            raise BounceInputError("binary")
        out = text
        try:
            out.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (e.g. from a JSON body): make them visible instead
            out = out.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    elif isinstance(text, bytes):
        if len(text) > MAX_INPUT_BYTES:
            raise BounceInputError("too_large")
        data = text
        enc = None
        if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
            enc = "utf-32"
        elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
            enc = "utf-16"
        elif data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        else:
            enc = _utf16_guess(data[:4096])
        if enc:
            try:
                out = data.decode(enc)
            except UnicodeDecodeError:
                out = data.decode(enc, "replace")
            sample = out[:65536]
            if _controls(sample) > len(sample) * _BINARY_SHARE:
                raise BounceInputError("binary")
        else:
            if not data.strip():
                raise BounceInputError("empty")
            if _is_binary(data):
                raise BounceInputError("binary")
            out = data.decode("utf-8", "surrogateescape")
    else:
        raise BounceInputError("unreadable", "Expected text or bytes, got %s." % type(text).__name__)
    out = _drop_controls(out)
    if out.startswith("\ufeff"):
        out = out[1:]
    if "\r" in out:
        out = out.replace("\r\n", "\n").replace("\r", "\n")
    if not out.strip():
        raise BounceInputError("empty")
    return out


def recover_bytes(text: str) -> bytes:
    """Inverse of the surrogateescape decoding done by :func:`decode_input`; any other lone
    surrogate (text handed in directly, not decoded here) becomes U+FFFD instead of raising."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return _NOT_ESCAPE_SURROGATE_RE.sub("\ufffd", text).encode("utf-8", "surrogateescape")


# keyed by Python's codec name (codecs.lookup(...).name)
_CJK_FALLBACKS = {
    "iso2022_jp": ("euc_jp", "cp932"), "euc_jp": ("cp932", "iso2022_jp"), "shift_jis": ("cp932", "euc_jp"),
    "cp932": ("euc_jp",), "gb2312": ("gb18030",), "gbk": ("gb18030",), "big5": ("big5hkscs", "cp950"),
    "euc_kr": ("cp949",),
}


# Codecs that Python knows but that are not a text charset a mail part can honestly declare:
# bytes-to-bytes codecs (base64, zlib, hex...) raise LookupError on bytes.decode(), and these
# raise UnicodeError or turn escapes into code points (a declared charset is untrusted input).
_NOT_A_CHARSET = frozenset({"undefined", "punycode", "idna", "unicode_escape", "raw_unicode_escape",
                            "mbcs", "oem", "palmos"})
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_NOT_ESCAPE_SURROGATE_RE = re.compile("[\ud800-\udc7f\udd00-\udfff]")  # surrogateescape uses U+DC80-U+DCFF


def text_codec(charset: str | None) -> str | None:
    """The codec name for a declared charset when it is a text charset we may decode with, else None."""
    cs = (charset or "").strip().strip('"').strip("'").lower()
    if not cs or len(cs) > 40:
        return None
    try:
        info = codecs.lookup(cs)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name.replace("-", "_") in _NOT_A_CHARSET:
        return None
    return info.name


def without_surrogates(text: str) -> str:
    """Lone surrogates (UTF-7 and UTF-16 can produce them) replaced by U+FFFD: nothing after
    this point can encode them."""
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode bytes of a MIME part with its declared charset, tolerating lies and typos.

    Total: any declared name, known or not, text codec or not, gives a str without surrogates;
    what could not be decoded becomes U+FFFD.
    """
    cs = text_codec(charset) or "utf-8"
    if cs == "ascii":  # US-ASCII declared over 8-bit text is the commonest lie: read as UTF-8
        cs = "utf-8"
    if cs == "iso2022_jp" or b"\x1b$" in data[:4096]:
        try:
            return without_surrogates(data.decode("iso-2022-jp"))
        except UnicodeError:
            cs = "iso2022_jp"
    if cs == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace") if _mostly_latin(data) else data.decode("utf-8", "replace")
    for candidate in (cs, "utf-8") + _CJK_FALLBACKS.get(cs, ()):
        try:
            return without_surrogates(data.decode(candidate))
        except (UnicodeError, LookupError, ValueError):
            continue
    try:
        return without_surrogates(data.decode(cs if cs not in _CJK_FALLBACKS else "utf-8", "replace"))
    except (UnicodeError, LookupError, ValueError):
        return data.decode("utf-8", "replace")


def _mostly_latin(data: bytes) -> bool:
    """True when invalid UTF-8 looks like single-byte Western text (é as 0xE9 ...)."""
    high = sum(1 for b in data[:4096] if b >= 0x80)
    return high > 0


def text_of_str(s: str) -> str:
    """A str that may hold surrogate-escaped bytes -> clean str (for output and matching)."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return decode_bytes(recover_bytes(s), None)


_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def text_for_display(text: str | bytes) -> str:
    """The input as a person should see it again: bytes in their own charset, never surrogates.

    Unlike :func:`decode_input` (which keeps raw bytes for the MIME reader), this guesses one
    charset for the whole text: UTF-8, else the first declared charset, else Windows-1252.
    """
    if isinstance(text, str):
        return text.encode("utf-8", "replace").decode("utf-8")
    data = bytes(text)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET_RE.search(data[:65536])
    codec = text_codec(declared.group(1).decode("ascii", "replace")) if declared else None
    for encoding in ([codec] if codec else []) + ["cp1252"]:
        try:
            return without_surrogates(data.decode(encoding))
        except (LookupError, UnicodeError, ValueError):
            continue
    return data.decode("latin-1")
