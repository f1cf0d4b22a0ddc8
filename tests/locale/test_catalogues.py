"""The interface catalogues: every string translated, nothing fuzzy, French typography kept."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation

from troubleshoot.articles.content_checks import french_typography_problems

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_interface_string_is_translated_and_none_is_fuzzy(lang):
    entries = [e for e in catalogue(lang) if not e.obsolete]
    assert len(entries) > 200
    assert not [e.msgid for e in entries if "fuzzy" in e.flags]
    assert not [e.msgid for e in entries if not (e.msgstr or all(e.msgstr_plural.values()))]


def test_french_strings_follow_french_typography():
    problems = []
    for entry in catalogue("fr"):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            problems += [f"{entry.msgid[:40]!r}: {p}" for p in french_typography_problems(text)]
    assert problems == []


def test_the_search_button_is_a_verb_and_counts_agree_in_french():
    with translation.override("fr"):
        assert translation.pgettext("verb, on a button", "Search") == "Rechercher"
        one = translation.ngettext("Too many requests. Try again in %(seconds)s second.",
                                   "Too many requests. Try again in %(seconds)s seconds.", 1)
        many = translation.ngettext("Too many requests. Try again in %(seconds)s second.",
                                    "Too many requests. Try again in %(seconds)s seconds.", 30)
    assert one.endswith("seconde.") and many.endswith("secondes.")
