"""Article text as visitors see it: Markdown rendered first, then sanitised with nh3 (never the
reverse); and the parts of an article a result page puts first (the first steps, whether
resending helps). Here, below `web` and the admin, so that both use the same rendering."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import markdown as markdown_lib
import nh3

# Trust decision: staff write the Markdown, but whatever HTML it produces is cut down to
# this list before any visitor sees it, so a pasted <script> or onerror= never runs.
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}, "td": {"align"}, "th": {"align"}}


@lru_cache(maxsize=512)
def markdown_render(text: str) -> str:
    rendered = markdown_lib.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


# The headings of the articles' sections (docs/writing-articles.md), both languages, with the
# older seed wordings; compared without case, accents or punctuation.
DO_HEADINGS = {"what you can do", "what to do", "ce que vous pouvez faire", "que faire"}
RESEND_HEADINGS = {"will resending help", "renvoyer le message servira t il", "faut il renvoyer le message",
                   "should you resend"}
_HEADING_RE = re.compile(r"^#{2,3}\s+(.+?)\s*#*\s*$", re.M)
_ITEM_RE = re.compile(r"^(?:\d+[.)]|[-*+])\s+(.*(?:\n(?![ \t]*\n)(?!\s*(?:\d+[.)]|[-*+])\s).*)*)", re.M)


def heading_key(heading: str) -> str:
    folded = unicodedata.normalize("NFKD", heading.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def article_sections(markdown_text: str) -> dict[str, str]:
    """Each `##` section's Markdown, keyed by heading_key() of its heading."""
    return dict(_sections(markdown_text or ""))


@lru_cache(maxsize=512)
def _sections(markdown_text: str) -> tuple[tuple[str, str], ...]:
    # parsed once per article text: every result page asks for its first steps and its resend verdict
    sections: dict[str, str] = {}
    matches = list(_HEADING_RE.finditer(markdown_text or ""))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(markdown_text)
        sections.setdefault(heading_key(match.group(1)), markdown_text[match.end():end].strip())
    return tuple(sections.items())


def first_steps(markdown_text: str, *, limit: int = 3) -> list[str]:
    """The first steps of the "What you can do" section, as Markdown (one per list item); the
    section's first paragraph when it has no list."""
    sections = article_sections(markdown_text)
    section = next((text for key, text in sections.items() if key in DO_HEADINGS), "")
    items = [" ".join(item.split()) for item in _ITEM_RE.findall(section)][:limit]
    if items:
        return items
    paragraph = section.split("\n\n", 1)[0].strip()
    return [" ".join(paragraph.split())] if paragraph else []


def resend_advice(markdown_text: str) -> str:
    """The first paragraph of the article's "Will resending help?" section, as Markdown ("" if none)."""
    for key, text in article_sections(markdown_text).items():
        if key in RESEND_HEADINGS:
            return " ".join(text.split("\n\n", 1)[0].split())
    return ""
