"""Content services: the published snapshot, diagnosis and search over it, and staff tools.

The database is the source of truth. Each process keeps one immutable snapshot (articles in
both languages, compiled rules, search index, rendered pages) and compares its version with
the ContentVersion row at most once per CONTENT_CHECK_SECONDS, so a change made on one
machine reaches every process without a query per request.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

import polib
import reversion
from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troubleshoot.diagnosis import (
    NotABounce,
    RuleSet,
    SignatureSpec,
    bounce_diagnose,
    bounce_text_for_display,
    ruleset_compile,
)
from troubleshoot.search.services import SearchDocument, SearchIndex

from .models import Article, ContentVersion, Feedback, MissedQuery
from .redaction import text_redact

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
        return SearchIndex(
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
    return ContentSnapshot(version=version, articles=articles)


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


# What we tell a sender whose text we cannot read (troubleshoot.diagnosis.BounceInputError codes),
# on the site, in the API and in the CLI alike.
INPUT_ERROR_MESSAGES = {
    "empty": _("Paste the text of the bounce you received, or upload it as an .eml file."),
    "too_large": _(
        "This is more than the size we can read. Paste only the error message or the delivery "
        "report, without attachments."
    ),
    "binary": _("This looks like binary data, not the text of a bounce. Paste the text, or upload the .eml file."),
    "unreadable": _("We could not read this text. Paste the error message as plain text."),
}



# What we tell a sender whose text is not a bounce (troubleshoot.diagnosis.kinds), in the site,
# the API and the CLI alike.
NOT_A_BOUNCE_MESSAGES = {
    NotABounce.AUTO_REPLY: _(
        "This is an automatic reply (an out-of-office message, for example), not a bounce: your message "
        "was delivered, and there is nothing to fix."
    ),
    NotABounce.RECEIPT: _(
        "This is a delivery or read receipt, not a bounce: it confirms that your message arrived, and there "
        "is nothing to fix."
    ),
    NotABounce.ORDINARY: _(
        "This looks like an ordinary message, not a bounce: nothing in it reports a failed delivery. Paste "
        "the non-delivery report itself, the message sent by “Mail Delivery System”, “MAILER-DAEMON” or "
        "“postmaster”."
    ),
    NotABounce.NO_BOUNCE_TEXT: _(
        "Nothing in this text reports a failed delivery. Paste the error text of the bounce (the lines with "
        "codes such as 550 5.1.1) or the whole report; to look for an article, use the search."
    ),
}


@dataclass(frozen=True)
class DiagnosisAnswer:
    """A diagnosis with the snapshot it was made against, and the bounce as the sender wrote it."""

    results: list
    snapshot: ContentSnapshot
    text: str  # the input decoded once, in its own charset, for showing it back
    not_a_bounce: str | None = None  # why there are no results (NotABounce)
    replaced_characters: int = 0  # undecodable characters, shown as U+FFFD
    unrecorded: bool = False  # we meant to keep it for staff, but the database was unreachable
    sender: str | None = None  # the original's sender, when the report names it

    @property
    def not_a_bounce_message(self) -> str | None:
        return NOT_A_BOUNCE_MESSAGES.get(self.not_a_bounce) if self.not_a_bounce else None

    @property
    def nothing_to_fix(self) -> bool:
        """An auto-reply or a receipt: the message arrived, there is no article to look for."""
        return self.not_a_bounce in (NotABounce.AUTO_REPLY, NotABounce.RECEIPT)

    def to_dict(self, *, lang: str) -> dict:
        results = []
        for result in self.results:
            item = result.to_dict()
            entry = self.snapshot.articles.get(item["article"])
            item["title"] = entry.title(lang) if entry else None
            results.append(item)
        out: dict = {"results": results}
        if self.not_a_bounce:
            out["not_a_bounce"] = self.not_a_bounce
            out["message"] = str(self.not_a_bounce_message)
        if self.replaced_characters:
            out["replaced_characters"] = self.replaced_characters
        return out


def bounce_diagnose_published(
    *, text: str | bytes, language: str | None = None, explain: bool = False
) -> DiagnosisAnswer:
    """Diagnose a bounce against the published rules; raises BounceInputError on bad input.

    With `language` (a visitor's request), a bounce we could not answer well is kept for staff.
    With `explain`, every result lists each rule that fired (see troubleshoot.diagnosis).
    """
    snapshot = content_snapshot_get()
    diagnosis = bounce_diagnose(text=text, ruleset=snapshot.ruleset, explain=explain)
    results = list(diagnosis.results)
    shown = bounce_text_for_display(text)
    answer = DiagnosisAnswer(results=results, snapshot=snapshot, text=shown, not_a_bounce=diagnosis.not_a_bounce,
                             replaced_characters=diagnosis.replaced_characters, sender=diagnosis.sender)
    # an auto-reply or a receipt was read right: nothing for staff to look at
    if language is not None and not answer.nothing_to_fix:
        weakest = min((r.confidence for r in results), default=0.0)
        unsure = not results or any(r.low_confidence or r.matched_by == "none" for r in results)
        if unsure or weakest < settings.MISSED_QUERY_CONFIDENCE:
            kept = missed_query_record(kind=MissedQuery.Kind.PASTE, text=shown, language=language, confidence=weakest)
            if not kept:
                answer = replace(answer, unrecorded=True)
    return answer


def articles_search(*, query: str, lang: str, limit: int = 10) -> list:
    """Published articles matching `query` in `lang`, best first (see troubleshoot.search)."""
    return content_snapshot_get().search_index.search(query=query, lang=lang, limit=limit)


def feedback_record(*, article_slug: str, language: str, helpful: bool, voter: str) -> bool:
    """Record a visitor's vote (a later vote replaces theirs); False if no such published article.

    Raises DatabaseError when the database cannot be reached: the caller tells the visitor."""
    article = Article.objects.published().filter(slug=article_slug).first()
    if article is None:
        return False
    Feedback.objects.update_or_create(
        article=article, voter=voter, language=language, defaults={"helpful": helpful, "created_at": timezone.now()}
    )
    return True


FEEDBACK_COMMENT_MAX = 500


def feedback_comment_record(*, article_slug: str, language: str, voter: str, comment: str) -> bool:
    """Keep what a visitor who voted "No" says was missing, addresses redacted; False when they
    have no vote on that article in that language. Raises DatabaseError when the database is gone."""
    text = text_redact(comment.replace("\x00", "")[: FEEDBACK_COMMENT_MAX * 2])[:FEEDBACK_COMMENT_MAX].strip()
    if not text:
        return False
    updated = Feedback.objects.filter(article__slug=article_slug, voter=voter, language=language).update(comment=text)
    return bool(updated)

MISSED_TEXT_MAX = 10_000


def missed_query_record(*, kind: str, text: str, language: str, confidence: float | None = None) -> bool:
    """Keep, for staff, a paste or search we could not answer; addresses never reach the database.

    False when the database could not be reached (the answer itself does not need it)."""
    try:
        _missed_query_store(kind=kind, text=text, language=language, confidence=confidence)
    except DatabaseError:
        logger.warning("Database unreachable: a %s we could not answer was not kept for staff", kind)
        return False
    return True


def _missed_query_store(*, kind: str, text: str, language: str, confidence: float | None) -> None:
    # Redact a little past the cut so no address is split in half by it; drop what no
    # database can store (NUL, lone surrogates).
    text = text[: MISSED_TEXT_MAX * 4].replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    text = text_redact(text)[:MISSED_TEXT_MAX].strip()
    if not text:
        return
    # one row per text and language: "blocklist" searched in English and in French are two rows
    digest = hashlib.sha256(f"{kind}\n{language}\n{text}".encode()).hexdigest()
    now = timezone.now()
    updated = MissedQuery.objects.filter(digest=digest).update(count=F("count") + 1, last_seen=now)
    if not updated:
        try:
            with transaction.atomic():
                MissedQuery.objects.create(
                    kind=kind, text=text, digest=digest, language=language, confidence=confidence, first_seen=now, last_seen=now
                )
        except IntegrityError:  # another request recorded it first
            MissedQuery.objects.filter(digest=digest).update(count=F("count") + 1, last_seen=now)


def missed_queries_purge(*, days: int) -> int:
    deleted, _detail = MissedQuery.objects.stale(days=days).delete()
    return deleted


# -- article text in .po files, for translators ------------------------------------------------

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
        for name in ARTICLE_PO_FIELDS:
            source = getattr(article, f"{name}_{SOURCE_LANGUAGE}") or ""
            if not source:
                continue
            po.append(
                polib.POEntry(
                    msgctxt=f"{article.slug}:{name}",
                    msgid=source,
                    msgstr=getattr(article, f"{name}_{lang}") or "",
                    comment=f"{article.category} — {name}",
                )
            )
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
        if entry.msgstr == current:
            unchanged += 1
            continue
        setattr(article, f"{name}_{lang}", entry.msgstr)
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
