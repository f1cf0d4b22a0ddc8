"""Article signatures: compile, validate, and match them in linear time with RE2.

A signature is a known bounce text attached to an article by support staff, with an optional
RE2 pattern. Patterns are searched case-insensitively in the diagnostic text (whitespace
collapsed, multi-line SMTP replies joined). A blank pattern means "the example text must appear",
minus its leading reply code / enhanced status code, with placeholders such as ``<ip>``,
``<host>`` or ``<user@example.com>`` standing for anything.

All signatures of a ruleset are compiled into one ``re2.Set`` so that a one-line paste is
matched against thousands of signatures in a single linear pass.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

import re2

from .codes import normalize_status
from .errors import PatternError
from .reading import collapse, join_reply, strip_codes
from .rules import CATEGORIES

MAX_PATTERN_CHARS = 2000
MAX_EXAMPLE_CHARS = 5000
_RE2_MAX_MEM = 64 << 20

# Text that no sensible signature should match: a pattern matching it is "too broad".
_NEUTRAL_PROBES = (
    "the quick brown fox jumps over the lazy dog 0123456789",
    "lorem ipsum dolor sit amet, consectetur adipiscing elit",
    "x",
)
_NEUTRAL_TEXT = "\n".join(_NEUTRAL_PROBES)


@dataclass(frozen=True)
class SignatureSpec:
    article: str          # article slug
    category: str         # one of the category keys of DESIGN.md
    text: str             # the example bounce text as a sender sees it
    reply_code: str = ""  # e.g. "553"
    status: str = ""      # e.g. "5.7.1"
    pattern: str = ""     # RE2 syntax; blank = the example text must appear (see module doc)


@dataclass(frozen=True)
class CompiledSignature:
    index: int
    spec: SignatureSpec
    regex_source: str
    derived: bool          # True when built from the example text
    reply_code: str | None
    status: str | None
    weight: int            # length of literal text: longer = more specific


def _options() -> "re2.Options":
    o = re2.Options()
    o.case_sensitive = False
    o.max_mem = _RE2_MAX_MEM
    o.log_errors = False
    return o


_OPTIONS = None


def options() -> "re2.Options":
    global _OPTIONS
    if _OPTIONS is None:
        _OPTIONS = _options()
    return _OPTIONS


def matching_texts(text: str) -> tuple[str, ...]:
    """What patterns are searched in, each on its own: the collapsed text (multi-line SMTP replies
    joined), then the same without its reply codes and enhanced status codes."""
    raw = collapse(join_reply(text)) if "\n" in text else collapse(text)
    clean = strip_codes(raw)
    return (raw,) if clean == raw or not clean else (raw, clean)


def matching_text(text: str) -> str:
    """Single-string form of :func:`matching_texts` (for display and simple checks)."""
    return "\n".join(matching_texts(text))


def _search_any(rx, texts: tuple[str, ...]):
    for t in texts:
        m = rx.search(t)
        if m is not None:
            return m
    return None


_UNANCHORED = re2._re2.RE2.Anchor.UNANCHORED


def _find_any(rx, texts: tuple[str, ...]) -> str:
    """Matched text of the first text where ``rx`` matches (low-overhead path on UTF-8 bytes)."""
    raw = rx._regexp
    for t in texts:
        b = t.encode("utf-8", "surrogatepass")
        sp = raw.Match(_UNANCHORED, b, 0, len(b))
        if sp[0][0] >= 0:
            return b[sp[0][0]:sp[0][1]].decode("utf-8", "replace")
    return ""


# -- example text -> pattern --------------------------------------------------------------------

_LEADING_CODES_RE = re.compile(r"^\s*(?:[245]\d\d(?:[ -]+|$)|#?[245]\.\d{1,3}\.\d{1,3}(?:\s+|$)|[-–:]\s*)")
_PLACEHOLDER_RE = re.compile(
    r"<(?:ip|ipv4|ipv6|ip address|ip-address|host|hostname|host name|server|domain|user|email|e-mail|address|"
    r"sender|recipient|n|number|id|name|[^<>\s]{0,64}@example\.(?:com|org|net)|[^<>\s]{0,64}example\.(?:com|org|net))>"
    r"|\b[A-Za-z0-9._%+-]{1,64}@example\.(?:com|org|net)\b"
    r"|\b(?:192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}\b"
    r"|(?<=[-.])[NX](?=[-.\]])",
    re.I)
_TRAILING_STATUS_RE = re.compile(r"\s*\(#?[245]\.\d{1,3}\.\d{1,3}\)\.?\s*$")
_WILDCARD = r".{0,255}?"


def _strip_leading_codes(t: str) -> str:
    for _ in range(4):
        m = _LEADING_CODES_RE.match(t)
        if not m or m.end() == 0:
            break
        t = t[m.end():]
    return t.strip()


def example_pattern(text: str) -> tuple[str, int]:
    """RE2 source for a blank-pattern signature, and the length of its literal text."""
    t = collapse(join_reply(text[:MAX_EXAMPLE_CHARS]))
    t = _strip_leading_codes(t)
    optional_tail = ""
    m = _TRAILING_STATUS_RE.search(t)
    if m and m.start() > 0:
        optional_tail = "(?:" + _escape(t[m.start():].strip()) + ")?"
        t = t[:m.start()]
    t = t.rstrip(" .")
    out: list[str] = []
    literal = 0
    pos = 0
    for pm in _PLACEHOLDER_RE.finditer(t):
        chunk = t[pos:pm.start()]
        out.append(_escape(chunk))
        literal += len(chunk.strip())
        out.append(_WILDCARD)
        pos = pm.end()
    chunk = t[pos:]
    out.append(_escape(chunk))
    literal += len(chunk.strip())
    src = "".join(out)
    # collapse runs of wildcards and trim wildcards at both ends (search is unanchored anyway)
    while _WILDCARD + _WILDCARD in src:
        src = src.replace(_WILDCARD + _WILDCARD, _WILDCARD)
    while src.startswith(_WILDCARD):
        src = src[len(_WILDCARD):]
    while src.endswith(_WILDCARD):
        src = src[: -len(_WILDCARD)]
    if optional_tail and src:
        src += optional_tail
    return src, literal


def _escape(s: str) -> str:
    parts = s.split(" ")
    return r"\s*".join(re2.escape(p) for p in parts) if s else ""


# -- validation ---------------------------------------------------------------------------------

def _compile(source: str) -> "re2._Regexp":
    try:
        return re2.compile(source, options())
    except re2.error as e:
        msg = e.args[0] if e.args else "error"
        if isinstance(msg, bytes):
            msg = msg.decode("utf-8", "replace")
        raise PatternError("syntax", "The pattern is not valid RE2 syntax: %s." % msg) from None
    except (TypeError, ValueError) as e:  # pragma: no cover - defensive
        raise PatternError("syntax", "The pattern is not valid RE2 syntax: %s." % e) from None


def _check_pattern(pattern: str, example: str) -> tuple[str, bool, int]:
    """Return (RE2 source, derived?, literal weight) or raise PatternError."""
    pattern = (pattern or "").strip()
    example = example or ""
    if pattern:
        if len(pattern) > MAX_PATTERN_CHARS:
            raise PatternError("too_long", "The pattern is longer than %d characters: keep only the distinctive "
                                           "words of the bounce." % MAX_PATTERN_CHARS)
        if "\n" in pattern:
            raise PatternError("syntax", "The pattern must be on one line (whitespace is collapsed before matching).")
        rx = _compile(pattern)
        if rx.search("") is not None or rx.search(_NEUTRAL_TEXT) is not None:
            raise PatternError("too_broad", "The pattern matches empty or ordinary text: make it match only the "
                                            "words of this bounce.")
        if example.strip() and _search_any(rx, matching_texts(example)) is None:
            raise PatternError("no_match_example", "The pattern does not match its own example bounce text: "
                                                   "adjust one or the other.")
        literal = len(re.sub(r"[\\\[\](){}.*+?|^$]", "", pattern))
        return pattern, False, literal
    if not example.strip():
        raise PatternError("empty", "Give the bounce text (or a pattern): a signature needs one of them.")
    src, literal = example_pattern(example)
    if literal < 4 or not src:
        raise PatternError("too_broad", "Once its reply code and placeholders are removed, the example text is "
                                        "too short to recognise a bounce: give more of the text or a pattern.")
    rx = _compile(src)
    if rx.search(_NEUTRAL_TEXT) is not None:
        raise PatternError("too_broad", "The example text is too common to recognise a bounce.")
    if _search_any(rx, matching_texts(example)) is None:  # pragma: no cover - construction guarantees a match
        raise PatternError("no_match_example", "The example text could not be matched against itself.")
    return src, True, literal


def pattern_validate(*, pattern: str, example: str) -> None:
    """Raise :class:`PatternError` if ``pattern`` does not compile under RE2, is too broad, or does not
    match its own ``example`` text (a blank pattern is checked as derived from the example)."""
    _check_pattern(pattern, example)


# -- the ruleset --------------------------------------------------------------------------------

class RuleSet:
    """Compiled, immutable set of signatures plus the general article of each category."""

    __slots__ = ("signatures", "general_articles", "articles", "fingerprint", "skipped", "_set", "_regexes",
                 "_article_category")

    def __init__(self, signatures: tuple[CompiledSignature, ...], general_articles: dict[str, str],
                 skipped: tuple[PatternError, ...] = ()):
        self.signatures = signatures
        self.general_articles = dict(general_articles)
        arts: dict[str, str] = {}
        for cat, slug in self.general_articles.items():
            if slug:
                arts.setdefault(slug, cat)
        for s in signatures:
            arts.setdefault(s.spec.article, s.spec.category)
        self._article_category = arts
        self.articles = frozenset(arts)
        self.skipped = skipped
        h = hashlib.sha256()
        for s in signatures:
            h.update(repr((s.spec, s.regex_source)).encode("utf-8", "surrogatepass"))
        h.update(repr(sorted(self.general_articles.items())).encode())
        self.fingerprint = h.hexdigest()[:16]
        self._regexes: dict[int, "re2._Regexp"] = {}
        st = None
        if signatures:
            st = re2.Set.SearchSet(options())
            for s in signatures:
                st.Add(s.regex_source)
            st.Compile()
        self._set = st  # set last: from here on the object is frozen

    def __setattr__(self, name, value):
        try:
            object.__getattribute__(self, "_set")
        except AttributeError:
            object.__setattr__(self, name, value)
            return
        raise AttributeError("RuleSet is immutable")

    def __repr__(self) -> str:
        return "<RuleSet %d signatures, %d articles, %s>" % (len(self.signatures), len(self.articles), self.fingerprint)

    def article_for(self, category: str) -> str | None:
        """Slug of the general article of a category, falling back to onhold / undefined."""
        for key in (category, "onhold", "undefined"):
            slug = self.general_articles.get(key)
            if slug:
                return slug
        return next(iter(sorted(self.general_articles.values())), None) if self.general_articles else None

    def category_of(self, article: str) -> str | None:
        return self._article_category.get(article)

    def match(self, texts: tuple[str, ...] | str) -> list[tuple[CompiledSignature, str]]:
        """Signatures whose pattern is found in one of ``texts`` (see :func:`matching_texts`),
        with the matched text, in signature order."""
        if self._set is None or not texts:
            return []
        if isinstance(texts, str):
            texts = (texts,)
        hits: set[int] = set()
        for t in texts:
            if t:
                hits.update(self._set.Match(t) or ())
        out = []
        for idx in sorted(hits)[:50]:
            sig = self.signatures[idx]
            rx = self._regexes.get(idx)
            if rx is None:
                rx = re2.compile(sig.regex_source, options())
                self._regexes[idx] = rx
            out.append((sig, _find_any(rx, texts)))
        return out


def ruleset_compile(*, signatures: Iterable[SignatureSpec], general_articles: Mapping[str, str],
                    skip_invalid: bool = False) -> RuleSet:
    """Compile signatures once (per content version). Raises :class:`PatternError` (with ``index``)
    for the first unusable signature, unless ``skip_invalid`` is true, in which case such signatures
    are left out and listed in ``RuleSet.skipped``."""
    compiled: list[CompiledSignature] = []
    skipped: list[PatternError] = []
    for i, spec in enumerate(signatures):
        try:
            if spec.category not in CATEGORIES:
                raise PatternError("bad_category", "Unknown category %r." % (spec.category,))
            src, derived, weight = _check_pattern(spec.pattern, spec.text)
        except PatternError as e:
            e.index = i
            e.args = ("signature #%d (%s): %s" % (i, spec.article, e.detail),)
            if skip_invalid:
                skipped.append(e)
                continue
            raise
        compiled.append(CompiledSignature(
            index=len(compiled), spec=spec, regex_source=src, derived=derived,
            reply_code=(spec.reply_code or "").strip()[:3] or None,
            status=normalize_status(spec.status), weight=weight))
    general = {k: v for k, v in dict(general_articles or {}).items() if v}
    return RuleSet(tuple(compiled), general, tuple(skipped))
