"""Article text in .po files, for translators: export, and an import that refuses stale work."""

from __future__ import annotations

from dataclasses import dataclass

import polib
import reversion
from django.db import transaction
from django.utils import timezone

from .models import Article
from .snapshot import LANGUAGE_CODES, SOURCE_LANGUAGE
from .translation_review import (
    translation_source_get,
    translation_sources_fill,
    translation_sources_record,
    translation_stale_fields,
)


ARTICLE_PO_FIELDS = ("title", "summary", "body")


class ArticlePoError(ValueError):
    """A translation file that cannot be imported; nothing was changed."""


@dataclass(frozen=True)
class ArticlePoChange:
    slug: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ArticlePoReport:
    changed: tuple[ArticlePoChange, ...]
    unchanged: int
    skipped_fuzzy: int
    skipped_empty: int
    skipped_stale: tuple[str, ...]  # contexts whose English changed since the export


def article_po_export(*, lang: str) -> polib.POFile:
    """Every article's translatable text: msgctxt "slug:field", English msgid, `lang` msgstr."""
    if lang == SOURCE_LANGUAGE or lang not in LANGUAGE_CODES:
        raise ArticlePoError(f"Choose a translation language: {', '.join(c for c in LANGUAGE_CODES if c != SOURCE_LANGUAGE)}.")
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "troubleshoot articles",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for article in Article.objects.order_by("slug"):
        stale = translation_stale_fields(article=article, lang=lang)
        for name in ARTICLE_PO_FIELDS:
            source = getattr(article, f"{name}_{SOURCE_LANGUAGE}") or ""
            if not source:
                continue
            entry = polib.POEntry(
                msgctxt=f"{article.slug}:{name}",
                msgid=source,
                msgstr=getattr(article, f"{name}_{lang}") or "",
                comment=f"{article.category} — {name}",
            )
            if name in stale:
                # As gettext marks a translation whose source changed: fuzzy, with the English it
                # was made from as the previous msgid, so that the translator sees what changed.
                entry.flags.append("fuzzy")
                entry.previous_msgid = translation_source_get(article=article, lang=lang, field=name)
            po.append(entry)
    return po


def article_po_import(*, po: polib.POFile, lang: str | None = None) -> ArticlePoReport:
    """Apply a translated file; refuses it whole if it names an unknown article or field."""
    lang = lang or po.metadata.get("Language", "").split("_")[0].lower()
    if lang == SOURCE_LANGUAGE or lang not in LANGUAGE_CODES:
        raise ArticlePoError(
            f"Unknown or source language {lang!r}: give --lang or a 'Language' header "
            f"({', '.join(c for c in LANGUAGE_CODES if c != SOURCE_LANGUAGE)})."
        )
    entries = [entry for entry in po if not entry.obsolete]
    articles = {a.slug: a for a in Article.objects.filter(slug__in={(e.msgctxt or "").split(":")[0] for e in entries})}
    problems = []
    for entry in entries:
        slug, _sep, name = (entry.msgctxt or "").partition(":")
        if name not in ARTICLE_PO_FIELDS:
            problems.append(f"line {entry.linenum}: unknown field in context {entry.msgctxt!r} (expected slug:title, slug:summary or slug:body)")
        elif slug not in articles:
            problems.append(f"line {entry.linenum}: no article with slug {slug!r}")
    if problems:
        raise ArticlePoError("Nothing imported. Fix these entries first:\n  " + "\n  ".join(problems))

    changed, stale = [], []
    unchanged = fuzzy = empty = 0
    touched = {}
    for entry in entries:
        slug, _sep, name = entry.msgctxt.partition(":")
        article = articles[slug]
        if "fuzzy" in entry.flags:
            fuzzy += 1
            continue
        if not entry.msgstr.strip():  # never clear a field
            empty += 1
            continue
        if entry.msgid != (getattr(article, f"{name}_{SOURCE_LANGUAGE}") or ""):
            stale.append(entry.msgctxt)
            continue
        current = getattr(article, f"{name}_{lang}") or ""
        # Not fuzzy, made from today's English: the translator confirms or updates it.
        translation_sources_fill(article=article)
        if name in translation_stale_fields(article=article, lang=lang):
            translation_sources_record(article=article, lang=lang, fields=[name])
            touched[slug] = article
        if entry.msgstr == current:
            unchanged += 1
            continue
        setattr(article, f"{name}_{lang}", entry.msgstr)
        translation_sources_record(article=article, lang=lang, fields=[name])
        changed.append(ArticlePoChange(slug=slug, field=f"{name}_{lang}", old=current, new=entry.msgstr))
        touched[slug] = article
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(f"Imported {len(changed)} {lang} translations from a .po file")
        for article in touched.values():
            article.revision += 1
            article.updated_at = timezone.now()
            article.save()
    return ArticlePoReport(
        changed=tuple(changed), unchanged=unchanged, skipped_fuzzy=fuzzy, skipped_empty=empty, skipped_stale=tuple(stale)
    )
