"""RE2 helpers for the reader's scans over long texts (linear time, fast alternations).

The ``re2`` module's str API re-encodes the text and builds match objects at every call; the
reader calls these patterns thousands of times per corpus, so :class:`Pattern` works on the
text's UTF-8 bytes directly and hands back plain spans and strings.
"""

from __future__ import annotations

import re2

_MAX_MEM = 64 << 20
_UNANCHORED = re2._re2.RE2.Anchor.UNANCHORED
_ANCHOR_START = re2._re2.RE2.Anchor.ANCHOR_START


def _options(icase: bool) -> "re2.Options":
    o = re2.Options()
    o.case_sensitive = not icase
    o.log_errors = False
    o.max_mem = _MAX_MEM
    return o


def compile(pattern: str, *, icase: bool = True, multiline: bool = False):  # noqa: A001 - mirrors re.compile
    if multiline:
        pattern = "(?m)" + pattern
    return re2.compile(pattern, _options(icase))


class Text:
    """A str with its UTF-8 bytes, converting byte offsets back to str offsets when needed."""

    __slots__ = ("s", "b", "ascii")

    def __init__(self, s: str):
        self.s = s
        self.b = s.encode("utf-8", "surrogatepass")
        self.ascii = len(self.b) == len(s)

    def pos(self, byte_offset: int) -> int:
        if self.ascii:
            return byte_offset
        return len(self.b[:byte_offset].decode("utf-8", "surrogatepass"))

    def sub(self, start: int, end: int) -> str:
        return self.b[start:end].decode("utf-8", "replace")


class Pattern:
    """An RE2 pattern used on :class:`Text` (or str) with little per-call overhead."""

    __slots__ = ("_re", "pattern")

    def __init__(self, pattern: str, *, icase: bool = True, multiline: bool = False):
        self.pattern = pattern
        self._re = compile(pattern, icase=icase, multiline=multiline)._regexp

    def spans(self, text: "Text | str", pos: int = 0, endpos: int | None = None):
        """Byte spans of the first match (group 0 first) or None."""
        data = text.b if isinstance(text, Text) else text.encode("utf-8", "surrogatepass")
        end = len(data) if endpos is None else min(endpos, len(data))
        sp = self._re.Match(_UNANCHORED, data, pos, end)
        return None if sp[0][0] < 0 else sp

    def test(self, text: "Text | str") -> bool:
        return self.spans(text) is not None

    def find(self, text: "Text | str", group: int = 0) -> str | None:
        """Text of a group of the first match, or None."""
        if not isinstance(text, Text):
            text = Text(text)
        sp = self.spans(text)
        if sp is None or sp[group][0] < 0:
            return None
        return text.sub(*sp[group])

    def first_pos(self, text: "Text | str") -> int:
        """str offset of the first match, or -1."""
        if not isinstance(text, Text):
            text = Text(text)
        sp = self.spans(text)
        return -1 if sp is None else text.pos(sp[0][0])

    def iter_spans(self, text: Text, limit: int = 1000):
        data = text.b
        end = len(data)
        pos = 0
        n = 0
        match = self._re.Match
        while pos <= end and n < limit:
            sp = match(_UNANCHORED, data, pos, end)
            if sp[0][0] < 0:
                return
            yield sp
            n += 1
            pos = sp[0][1] if sp[0][1] > pos else pos + 1


def set_of(patterns: list[str], *, icase: bool = True):
    s = re2.Set.SearchSet(_options(icase))
    for p in patterns:
        s.Add(p)
    s.Compile()
    return s
