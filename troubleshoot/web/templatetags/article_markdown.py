"""Template filters for article text (rendered and sanitised in troubleshoot.articles.rendering)
and for the evidence highlighted in a pasted bounce."""

import html
import re

from django import template
from django.utils.safestring import mark_safe

from troubleshoot.articles.rendering import markdown_render

register = template.Library()


HEADING_RE = re.compile(r"<(/?)h([1-6])>")


@register.filter(name="markdown_inline")
def markdown_inline_filter(text: str) -> str:
    """One step or sentence of an article, rendered without its surrounding paragraph."""
    rendered = markdown_render(text or "")
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return mark_safe(rendered)  # sanitised by nh3 in markdown_render


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
    for needle in wanted:
        # Whitespace in the evidence may be folded differently in the paste: match any run of it.
        # Case is ignored by the pattern, not by lowering the text: lowering can change a
        # string's length ("İ" becomes two characters) and shift every offset after it.
        pattern = r"\s+".join(re.escape(part) for part in needle.split())
        if not pattern:
            continue
        for match in re.finditer(pattern, text, re.IGNORECASE):
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
