"""Checks on article text that staff should see before publishing (docs/writing-articles.md).

Functions on strings (only Django's translation, for the rule names staff read): the tests run them
on every article field, and the admin runs them on save to warn (not refuse) about each place that
needs fixing.

- ``dead_links_find(text)``: links or mentions of tools that no longer work (DNSstuff, abuse.net's
  relay tester, faqs.org's RFC copies...), which must be replaced by current equivalents.
- ``french_typography_problems(text)``: French typography a French support team would correct:
  straight apostrophes, ordinary spaces before ; : ! ? » and after «, ordinary spaces between a
  number and its unit. Text in `backticks`, link targets and URLs is left alone (bounce texts are
  quoted in English, as the sender sees them).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

# Hosts (and, where only part of a site died, host + path) of tools that are gone or no longer
# free. One entry per line: what matches, and why it is listed.
DEAD_TOOLS: tuple[tuple[str, str], ...] = (
    ("dnsstuff.com", "DNSstuff: the free block-list and DNS lookups are gone; use check.spamhaus.org or mxtoolbox.com/blacklists.aspx"),
    ("abuse.net/relay", "abuse.net's open relay tester is offline; use the MXToolbox SMTP test (open relay check)"),
    ("faqs.org/rfcs", "faqs.org's RFC copies are unmaintained; link https://www.rfc-editor.org/rfc/rfcNNNN"),
    ("ordb.org", "ORDB (open relay database) closed in 2006"),
    ("njabl.org", "NJABL closed in 2013"),
    ("sorbs.net", "SORBS was shut down in 2024"),
    ("senderbase.org", "SenderBase moved to talosintelligence.com"),
    ("mail.live.com/mail/troubleshooting.aspx", "old Hotmail troubleshooting page; use the Outlook.com postmaster site"),
    ("messagelabs.com", "MessageLabs pages are gone (now Broadcom Email Security.cloud)"),
)

_DEAD = [(re.compile(r"(?<![\w.-])(?:[\w-]+\.)*" + re.escape(host).replace(r"/", r"/"), re.I), why)
         for host, why in DEAD_TOOLS]
_URL = re.compile(r"(?:https?://|www\.)[^\s)<>\]\"'`]+", re.I)


def dead_links_find(text: str) -> list[str]:
    """Every link to, or mention of, a dead tool in ``text``, as "<what was found>: <why>"."""
    found: list[str] = []
    if not text:
        return found
    seen: list[tuple[int, int]] = []
    for rx, why in _DEAD:
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in seen):
                continue
            # report the whole URL around the match when there is one
            start, end = m.start(), m.end()
            for u in _URL.finditer(text):
                if u.start() <= start < u.end():
                    start, end = u.start(), max(end, u.end())
                    break
            seen.append((start, end))
            item = "%s: %s" % (text[start:end], why)
            if item not in found:
                found.append(item)
    return found


# What French typography does not touch: code spans, Markdown link targets, URLs and e-mail addresses.
_PROTECTED = re.compile(r"```.*?```|`[^`\n]*`|\]\([^)\s]*\)|(?:https?://|www\.)[^\s)<>\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                        re.S | re.I)
_UNITS = r"(?:%|h|heures?|minutes?|secondes?|jours?|mois|Mo|Go|ko|Ko|To)"
_RULES: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_]|\[)"), _("straight apostrophe: use ’")),
    (re.compile(r" (?=[;!?])"), _("ordinary space before ; ! ?: use a narrow no-break space (U+202F)")),
    (re.compile(r" (?=:)"), _("ordinary space before a colon: use a no-break space (U+00A0)")),
    (re.compile(r"(?<=[^\s\u00a0\u202f(\[])[;!?](?=\s|$)"), _("no space before ; ! ?: add a narrow no-break space (U+202F)")),
    (re.compile(r"« |«(?=[^\u00a0\u202f])"), _("after «: use a no-break space (U+00A0)")),
    (re.compile(r" »|(?<=[^\u00a0\u202f])»"), _("before »: use a no-break space (U+00A0)")),
    (re.compile(r"(?<=\d) +(?=" + _UNITS + r"(?![^\W\d_]))"), _("ordinary space between a number and its unit: use a no-break space")),
)


def _unprotected(text: str):
    """The parts of ``text`` that typography applies to, with their offsets."""
    pos = 0
    for m in _PROTECTED.finditer(text):
        yield pos, text[pos:m.start()]
        pos = m.end()
    yield pos, text[pos:]


def french_typography_problems(text: str) -> list[str]:
    """Each place where ``text`` breaks French typography, as "<rule>: …context…"."""
    problems: list[str] = []
    if not text:
        return problems
    for offset, part in _unprotected(text):
        for rx, rule in _RULES:
            for m in rx.finditer(part):
                at = offset + m.start()
                context = text[max(0, at - 25):at + 25].replace("\n", " ")
                problems.append("%s: …%s…" % (rule, context))
    return problems
