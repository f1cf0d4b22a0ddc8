"""Article bodies: Markdown rendered first, then sanitised with nh3 (never the reverse)."""

import html
import re
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

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


HEADING_RE = re.compile(r"<(/?)h([1-6])>")


@register.filter(name="markdown")
def markdown_filter(text: str, shift: int = 0) -> str:
    """Render an article body; `shift` moves its headings down a level where the page needs it."""
    rendered = markdown_render(text or "")
    if shift:
        rendered = HEADING_RE.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + int(shift))}>", rendered)
    return mark_safe(rendered)  # sanitised by nh3 above; the shift only renames heading tags


@register.filter(name="highlight")
def highlight_filter(text: str, needles) -> str:
    """Escape `text`, then wrap every occurrence of each needle (case-insensitive) in <mark>."""
    text = text or ""
    wanted = sorted({n for n in (needles or []) if isinstance(n, str) and 3 <= len(n) <= 500}, key=len, reverse=True)
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for needle in wanted:
        # Whitespace in the evidence may be folded differently in the paste: match any run of it.
        pattern = r"\s+".join(re.escape(part) for part in needle.lower().split())
        if not pattern:
            continue
        for match in re.finditer(pattern, lowered):
            if not any(start < match.end() and match.start() < end for start, end in spans):
                spans.append((match.start(), match.end()))
    spans.sort()
    out, cursor = [], 0
    for start, end in spans:
        out.append(html.escape(text[cursor:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        cursor = end
    out.append(html.escape(text[cursor:]))
    return mark_safe("".join(out))  # every piece escaped above
