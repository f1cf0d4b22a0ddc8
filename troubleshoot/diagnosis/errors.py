"""Errors raised by the diagnosis library (no Django here)."""

from __future__ import annotations

MAX_INPUT_BYTES = 2_000_000

# What the reader looks at, at most: notification text, lines, a diagnostic's length, nested
# reports and failed recipients. Everything past these bounds is ignored, so time stays linear.
MAX_NOTE_CHARS = 120_000
MAX_NOTE_LINES = 2_500
MAX_DIAG_CHARS = 1_500
MAX_NEST = 3
MAX_RECIPIENTS = 200

INPUT_ERROR_MESSAGES = {
    "empty": "The text is empty: paste the bounce message or the SMTP reply.",
    "too_large": "The text is larger than the limit of %d bytes: paste only the bounce notice." % MAX_INPUT_BYTES,
    "binary": "This looks like binary data (a picture, an archive…), not the text of a bounce.",
    "unreadable": "The text could not be read as a bounce message.",
}


class BounceInputError(ValueError):
    """The input cannot be diagnosed.

    ``code`` is one of ``"empty"``, ``"too_large"``, ``"binary"``, ``"unreadable"``;
    ``detail`` is an English sentence (the web layer translates by ``code``).
    """

    def __init__(self, code: str, detail: str | None = None):
        self.code = code
        self.detail = detail or INPUT_ERROR_MESSAGES.get(code, code)
        super().__init__(self.detail)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"BounceInputError({self.code!r})"


class PatternError(ValueError):
    """A signature pattern is not usable.

    ``code`` is one of ``"syntax"`` (does not compile under RE2), ``"too_long"``, ``"too_broad"``
    (matches empty or ordinary text), ``"no_match_example"`` (does not match its own example
    text), ``"empty"`` (neither a pattern nor an example text), ``"bad_category"``;
    ``detail`` says what to fix, in English; ``index`` is the position of the signature in the
    list given to :func:`ruleset_compile` (``None`` for :func:`pattern_validate`).
    """

    def __init__(self, code: str, detail: str, index: int | None = None):
        self.code = code
        self.detail = detail
        self.index = index
        super().__init__(detail if index is None else f"signature #{index}: {detail}")
