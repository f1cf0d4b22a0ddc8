"""The published snapshot: what every public page, diagnosis and search reads.

The database is the source of truth. Each process keeps one immutable snapshot (articles in
both languages, compiled rules, search index, rendered pages) and compares its version with
the ContentVersion row at most once per CONTENT_CHECK_SECONDS, so a change made on one
machine reaches every process without a query per request.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from troubleshoot.diagnosis import RuleSet, SignatureSpec, ruleset_compile
from troubleshoot.search.services import SearchDocument, SearchIndex

from .models import Article, ContentVersion, SearchSynonym
from .translation_review import translation_stale_fields

logger = logging.getLogger(__name__)
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def content_version_bump() -> None:
    with transaction.atomic():
        updated = ContentVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
        if not updated:
            ContentVersion.objects.get_or_create(pk=1, defaults={"version": 1})


def article_revision_bump(*, article_id: int) -> None:
    """Count a change to an article or one of its signatures: forms opened before it are stale."""
    Article.objects.filter(pk=article_id).update(revision=F("revision") + 1)


def content_version_get() -> int:
    return ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 0


@dataclass(frozen=True)
class LocalizedArticle:
    """An article's text in one language, ready for a template."""

    slug: str
    category: str
    permanence: str
    updated_at: datetime
    title: str
    summary: str
    body: str
    signatures: tuple[SignatureSpec, ...]
    falls_back: bool
    needs_review: bool = False  # translated from an English text that has changed since

    def get_absolute_url(self) -> str:
        return reverse("web:article", kwargs={"slug": self.slug})


@dataclass(frozen=True)
class ArticleEntry:
    """A published article in every language; reads fall back to English field by field."""

    slug: str
    category: str
    permanence: str
    is_general: bool
    order: int
    updated_at: datetime
    titles: dict[str, str]
    summaries: dict[str, str]
    bodies: dict[str, str]
    signatures: tuple[SignatureSpec, ...]
    stale_languages: frozenset[str] = frozenset()  # translations made from an older English

    def _pick(self, values: dict[str, str], lang: str) -> str:
        return values.get(lang) or values.get(SOURCE_LANGUAGE, "")

    def title(self, lang: str) -> str:
        return self._pick(self.titles, lang)

    def summary(self, lang: str) -> str:
        return self._pick(self.summaries, lang)

    def body(self, lang: str) -> str:
        return self._pick(self.bodies, lang)

    def localized(self, lang: str) -> LocalizedArticle:
        return LocalizedArticle(
            slug=self.slug,
            category=self.category,
            permanence=self.permanence,
            updated_at=self.updated_at,
            title=self.title(lang),
            summary=self.summary(lang),
            body=self.body(lang),
            signatures=self.signatures,
            falls_back=self.falls_back(lang),
            needs_review=lang in self.stale_languages,
        )

    def falls_back(self, lang: str) -> bool:
        """True when some text shown in `lang` is in fact the English source."""
        if lang == SOURCE_LANGUAGE:
            return False
        return any(
            values.get(SOURCE_LANGUAGE) and not values.get(lang)
            for values in (self.titles, self.summaries, self.bodies)
        )


@dataclass(frozen=True)
class ContentSnapshot:
    version: int
    articles: dict[str, ArticleEntry]
    synonyms: tuple[tuple[str, ...], ...] = ()  # the staff's search synonyms, each a group of words

    @cached_property
    def pages(self) -> dict:
        """Rendered public pages of this version, filled by the views; dropped with the snapshot."""
        return {}

    @cached_property
    def ruleset(self) -> RuleSet:
        # One bad stored pattern must not take the whole site down: it is left out and logged
        # (the admin refuses such patterns on save; fixtures or old rows could still hold one).
        ruleset = ruleset_compile(
            signatures=[spec for entry in self.articles.values() for spec in entry.signatures],
            general_articles=self.general_articles,
            skip_invalid=True,
        )
        for error in ruleset.skipped:
            logger.warning("Signature left out of the rules: %s", error)
        return ruleset

    @cached_property
    def general_articles(self) -> dict[str, str]:
        general: dict[str, str] = {}
        for entry in sorted(self.articles.values(), key=lambda a: (not a.is_general, a.order, a.slug)):
            general.setdefault(entry.category, entry.slug)
        return general

    @cached_property
    def search_index(self) -> SearchIndex:
        documents = (
            SearchDocument(
                slug=entry.slug,
                lang=lang,
                title=entry.title(lang),
                summary=entry.summary(lang),
                body=entry.body(lang),
                bounce_texts=tuple(signature.text for signature in entry.signatures),
                category=entry.category,
            )
            for entry in self.articles.values()
            for lang in LANGUAGE_CODES
        )
        return SearchIndex(
            documents,
            extra_synonyms=self.synonyms,
        )

    def by_category(self) -> dict[str, list[ArticleEntry]]:
        grouped: dict[str, list[ArticleEntry]] = {}
        for entry in sorted(self.articles.values(), key=lambda a: (a.order, a.slug)):
            grouped.setdefault(entry.category, []).append(entry)
        return grouped


def _translations(article: Article, name: str) -> dict[str, str]:
    return {lang: getattr(article, f"{name}_{lang}") or "" for lang in LANGUAGE_CODES}


def content_snapshot_build() -> ContentSnapshot:
    # Read the version first: a change committed while we read makes the snapshot stale at
    # once rather than hiding under the newer number.
    version = content_version_get()
    articles: dict[str, ArticleEntry] = {}
    for article in Article.objects.published().prefetch_related("signatures"):
        articles[article.slug] = ArticleEntry(
            slug=article.slug,
            category=article.category,
            permanence=article.permanence,
            is_general=article.is_general,
            order=article.order,
            updated_at=article.updated_at,
            titles=_translations(article, "title"),
            summaries=_translations(article, "summary"),
            bodies=_translations(article, "body"),
            stale_languages=frozenset(
                lang for lang in LANGUAGE_CODES
                if lang != SOURCE_LANGUAGE and translation_stale_fields(article=article, lang=lang)
            ),
            signatures=tuple(
                SignatureSpec(
                    article=article.slug,
                    category=article.category,
                    text=s.text,
                    reply_code=s.reply_code,
                    status=s.status,
                    pattern=s.pattern,
                )
                for s in article.signatures.all()
            ),
        )
    synonyms = tuple(tuple(row.terms()) for row in SearchSynonym.objects.all())
    return ContentSnapshot(version=version, articles=articles, synonyms=synonyms)


_lock = threading.Lock()
_current: ContentSnapshot | None = None
_checked_at = 0.0


def content_snapshot_get() -> ContentSnapshot:
    """The current snapshot, rebuilt when the stored content version has moved on.

    With the database unreachable, the last snapshot goes on being served (and the check is
    retried after CONTENT_CHECK_SECONDS); a process that has none yet raises DatabaseError,
    which the site answers with a 503 page until the database is back.
    """
    global _current, _checked_at
    now = time.monotonic()
    max_age = settings.CONTENT_CHECK_SECONDS
    snapshot = _current
    if snapshot is not None and now - _checked_at < max_age:
        return snapshot
    try:
        version = content_version_get()
        if snapshot is not None and snapshot.version == version:
            _checked_at = now
            return snapshot
        with _lock:
            if _current is None or _current.version != version:
                _current = content_snapshot_build()
            _checked_at = time.monotonic()
            return _current
    except DatabaseError:
        if snapshot is None:
            raise
        logger.warning("Database unreachable: serving content version %s from memory", snapshot.version)
        _checked_at = now
        return snapshot


def content_snapshot_reset() -> None:
    """Forget the snapshot (tests, and commands that just changed content)."""
    global _current, _checked_at
    with _lock:
        _current = None
        _checked_at = 0.0
