"""The evidence highlighted in the pasted bounce stays on the evidence when text before it changes
length under case folding ("İ".lower() and "ß".casefold() are two characters, "ﬃ" three)."""

from __future__ import annotations

import html
import re

import pytest

pytestmark = pytest.mark.django_db

BOUNCE = "553 sorry, your envelope sender is in my badmailfrom list."
PASTE_BLOCK = re.compile(r'<pre class="paste">(.*?)</pre>', re.S)


def paste_block(client, text: str) -> str:
    page = client.post("/en/diagnose/", {"text": text}, follow=True).content.decode()
    (block,) = PASTE_BLOCK.findall(page)
    return block


@pytest.mark.parametrize("prefix", ["İ" * 20 + "\n", "STRAßE ß ﬃ İstanbul\n", "İ" * 20 + " "])
def test_the_highlight_stays_on_the_evidence_after_text_that_folds_to_another_length(client, prefix):
    alone = paste_block(client, BOUNCE)
    marked = re.findall(r"<mark>(.*?)</mark>", alone)
    assert marked and all(html.unescape(text).lower() in BOUNCE.lower() for text in marked)
    # the same bounce after the prefix: the same marks on the same words, the prefix left as it was
    assert paste_block(client, prefix + BOUNCE) == html.escape(prefix) + alone


def test_evidence_in_other_case_is_marked_where_it_is(client):
    shouted = "İİİİ " + BOUNCE.upper()
    block = paste_block(client, shouted)
    (marked,) = re.findall(r"<mark>(.*?)</mark>", block)
    start = block.index("<mark>")
    # the marked text is the paste's own text, at its own place
    assert html.unescape(block[:start]) + html.unescape(marked) == shouted[: len(html.unescape(block[:start])) + len(marked)]
    assert marked == "YOUR ENVELOPE SENDER IS IN MY BADMAILFROM LIST"
