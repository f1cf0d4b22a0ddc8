"""Which translations were made from an older English text, and so need a translator's review.

Each article keeps, per translation language and field, the English text that translation was
made from (`Article.translated_from`). A translation is stale when it is not empty and the
English has changed since; it stays so until a translator updates it or confirms it.
"""

from __future__ import annotations

from django.conf import settings

from .models import Article

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
TRANSLATION_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE)
TRANSLATED_FIELDS = ("title", "summary", "body")


def translation_source_get(*, article: Article, lang: str, field: str) -> str | None:
    """The English text the `lang` translation of `field` was made from; None when unknown."""
    return (article.translated_from or {}).get(lang, {}).get(field)


def translation_stale_fields(*, article: Article, lang: str) -> list[str]:
    """Fields whose `lang` text was translated from an English text that has changed since."""
    stale = []
    for field in TRANSLATED_FIELDS:
        source = translation_source_get(article=article, lang=lang, field=field)
        english = getattr(article, f"{field}_{SOURCE_LANGUAGE}") or ""
        if source is not None and getattr(article, f"{field}_{lang}") and source != english:
            stale.append(field)
    return stale


def translation_sources_record(*, article: Article, lang: str, fields: tuple[str, ...] | list[str]) -> None:
    """Note that the `lang` text of `fields` matches today's English (not saved: the caller saves)."""
    sources = dict(article.translated_from or {})
    per_lang = dict(sources.get(lang, {}))
    for field in fields:
        per_lang[field] = getattr(article, f"{field}_{SOURCE_LANGUAGE}") or ""
    sources[lang] = per_lang
    article.translated_from = sources


def translation_sources_fill(*, article: Article, english_before: dict[str, str] | None = None) -> None:
    """Give every translation without a record one: the English it sat beside (`english_before`,
    the text before an edit, or today's). Seeded and imported articles start up to date."""
    sources = dict(article.translated_from or {})
    for lang in TRANSLATION_LANGUAGES:
        per_lang = dict(sources.get(lang, {}))
        for field in TRANSLATED_FIELDS:
            if field not in per_lang and getattr(article, f"{field}_{lang}"):
                english = (english_before or {}).get(field)
                per_lang[field] = english if english is not None else getattr(article, f"{field}_{SOURCE_LANGUAGE}") or ""
        if per_lang:
            sources[lang] = per_lang
    article.translated_from = sources


def articles_needing_review(*, lang: str) -> list[int]:
    """Primary keys of the articles whose `lang` translation needs review (a few dozen articles:
    compared in Python, since a JSON-to-column comparison is not portable across databases)."""
    return [
        article.pk
        for article in Article.objects.only("pk", "translated_from", *(
            f"{field}_{code}" for field in TRANSLATED_FIELDS for code in (SOURCE_LANGUAGE, lang)))
        if translation_stale_fields(article=article, lang=lang)
    ]
