"""RE2 helpers: the reader's scans over long texts use RE2 (linear time, fast alternations)."""

from __future__ import annotations

import re2

_MAX_MEM = 64 << 20


def compile(pattern: str, *, icase: bool = True, multiline: bool = False):  # noqa: A001 - mirrors re.compile
    o = re2.Options()
    o.case_sensitive = not icase
    o.log_errors = False
    o.max_mem = _MAX_MEM
    if multiline:
        pattern = "(?m)" + pattern
    return re2.compile(pattern, o)


def set_of(patterns: list[str], *, icase: bool = True):
    o = re2.Options()
    o.case_sensitive = not icase
    o.log_errors = False
    o.max_mem = _MAX_MEM
    s = re2.Set.SearchSet(o)
    for p in patterns:
        s.Add(p)
    s.Compile()
    return s
