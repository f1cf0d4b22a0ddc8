"""What senders hit, counted per day for staff: bounces read (by category, article and language),
how many were unsure or unmatched, searches without a result, and votes.

Counting must cost a request next to nothing and never fail it: counts gather in the process
and are written in one go every INSIGHT_FLUSH_SECONDS (and at exit). Only counts are kept,
never a pasted or typed text.
"""

from __future__ import annotations

import atexit
import csv
import io
import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from .models import DailyCount, Feedback, MissedQuery

logger = logging.getLogger(__name__)
PERIODS = (7, 30, 90)
_MAX_PENDING = 5_000  # distinct keys kept while the database is unreachable; beyond, counts are dropped

_lock = threading.Lock()
_pending: Counter = Counter()
_last_flush = time.monotonic()


def insight_count(*, kind: str, language: str, category: str = "", article: str = "") -> None:
    """Count one event for today; written to the database with the others, now and then."""
    key = (timezone.localdate(), kind, language[:8], category[:32], article[:80])
    with _lock:
        if len(_pending) < _MAX_PENDING or key in _pending:
            _pending[key] += 1
        due = time.monotonic() - _last_flush >= settings.INSIGHT_FLUSH_SECONDS
    if due:
        insight_flush()


def insight_flush() -> bool:
    """Write the counts gathered in this process; False (and kept for next time) if the database is gone."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return True
    try:
        with transaction.atomic():
            for (day, kind, language, category, article), count in batch.items():
                _count_add(day=day, kind=kind, language=language, category=category, article=article, count=count)
    except DatabaseError:
        logger.warning("Database unreachable: %d insight counts kept in memory for the next try", len(batch))
        with _lock:
            for key, count in batch.items():
                if len(_pending) < _MAX_PENDING or key in _pending:
                    _pending[key] += count
        return False
    return True


def _count_add(*, day: date, kind: str, language: str, category: str, article: str, count: int) -> None:
    fields = {"day": day, "kind": kind, "language": language, "category": category, "article": article}
    if DailyCount.objects.filter(**fields).update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            DailyCount.objects.create(**fields, count=count)
    except IntegrityError:  # another process created the row first
        DailyCount.objects.filter(**fields).update(count=F("count") + count)


atexit.register(lambda: _pending and insight_flush())


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # of the largest value in its chart, 0..1, for the bar's length


@dataclass(frozen=True)
class Column:
    """One day's column in the per-day chart, in the SVG's own units."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


CHART_HEIGHT = 100


def chart_columns(bars: tuple[Bar, ...], *, width: float = 600) -> tuple[Column, ...]:
    step = width / max(len(bars), 1)
    return tuple(
        Column(x=round(i * step + step * 0.1, 2), y=round(CHART_HEIGHT * (1 - bar.share), 2),
               width=round(step * 0.8, 2), height=round(CHART_HEIGHT * bar.share, 2), label=bar.label, value=bar.value)
        for i, bar in enumerate(bars)
    )


@dataclass(frozen=True)
class VoteRow:
    article: str
    language: str
    helpful: int
    not_helpful: int

    @property
    def not_helpful_share(self) -> float:
        return self.not_helpful / (self.helpful + self.not_helpful)


@dataclass(frozen=True)
class InsightReport:
    days: int
    pastes: int
    pastes_per_day: tuple[Bar, ...]
    by_category: tuple[Bar, ...]
    by_language: tuple[Bar, ...]
    top_articles: tuple[Bar, ...]
    low_confidence: int
    unmatched: int
    searches: int
    searches_empty: int
    unfound_searches: tuple[Bar, ...]
    votes: tuple[VoteRow, ...]

    @property
    def empty(self) -> bool:
        return not (self.pastes or self.searches or self.votes)

    def share(self, part: int, whole: int) -> float:
        return part / whole if whole else 0.0


def _bars(pairs, *, limit: int | None = None) -> tuple[Bar, ...]:
    pairs = [(label, value) for label, value in pairs if value][:limit]
    top = max((value for _label, value in pairs), default=0)
    return tuple(Bar(label=str(label), value=value, share=value / top if top else 0.0) for label, value in pairs)


def insight_report_build(*, days: int) -> InsightReport:
    """The counts of the last `days` days (today included), for the insight page."""
    insight_flush()
    counts = DailyCount.objects.since(days=days)
    pastes = counts.filter(kind=DailyCount.Kind.PASTE)

    def total(kind: str) -> int:
        return counts.filter(kind=kind).aggregate(n=Sum("count"))["n"] or 0

    today = timezone.localdate()
    per_day = dict(pastes.values_list("day").annotate(n=Sum("count")))
    days_shown = [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]
    pastes_per_day = tuple(
        Bar(label=day.isoformat(), value=per_day.get(day, 0), share=per_day.get(day, 0) / max(per_day.values(), default=1) if per_day else 0.0)
        for day in days_shown
    )
    since = timezone.now() - timedelta(days=days)
    votes = (
        Feedback.objects.filter(created_at__gte=since)
        .values("article__slug", "language")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    vote_rows = sorted(
        (VoteRow(article=v["article__slug"], language=v["language"], helpful=v["yes"], not_helpful=v["no"])
         for v in votes),
        key=lambda row: (-row.not_helpful_share, -row.not_helpful, row.article, row.language),
    )
    unfound = (
        MissedQuery.objects.filter(kind=MissedQuery.Kind.SEARCH, last_seen__gte=since)
        .order_by("-count", "-last_seen")
        .values_list("text", "language", "count")[:10]
    )
    return InsightReport(
        days=days,
        pastes=total(DailyCount.Kind.PASTE),
        pastes_per_day=pastes_per_day,
        by_category=_bars(pastes.exclude(category="").values_list("category").annotate(n=Sum("count")).order_by("-n", "category")),
        by_language=_bars(pastes.values_list("language").annotate(n=Sum("count")).order_by("-n", "language")),
        top_articles=_bars(pastes.exclude(article="").values_list("article").annotate(n=Sum("count")).order_by("-n", "article"), limit=10),
        low_confidence=total(DailyCount.Kind.LOW_CONFIDENCE),
        unmatched=total(DailyCount.Kind.UNMATCHED),
        searches=total(DailyCount.Kind.SEARCH),
        searches_empty=total(DailyCount.Kind.SEARCH_EMPTY),
        unfound_searches=_bars(((f"{text} ({language})", count) for text, language, count in unfound)),
        votes=tuple(vote_rows),
    )


def insight_csv(*, days: int) -> str:
    """Every daily count of the period, one row each, for a spreadsheet."""
    insight_flush()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "kind", "language", "category", "article", "count"])
    for row in DailyCount.objects.since(days=days).order_by("day", "kind", "language", "category", "article"):
        writer.writerow([row.day.isoformat(), row.kind, row.language, row.category, row.article, row.count])
    return out.getvalue()
