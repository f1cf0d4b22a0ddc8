from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .categories import Category, Permanence


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Article(models.Model):
    """One bounce reason: what it means and what the sender should do.

    title, summary and body are translated (see translation.py); the slug is the public
    contract that bounce messages link to, so it is never translated and never changes.
    """

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    permanence = models.CharField(
        _("temporary or permanent"), max_length=16, choices=Permanence.choices, default=Permanence.PERMANENT
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown. Script and raw HTML are removed on display."))
    is_general = models.BooleanField(
        _("general article of its category"),
        default=False,
        help_text=_("Where bounces of this category land when no signature points to a more specific article."),
    )
    # Staff only, never shown on the site: where each fact and tool comes from, so that the next
    # editor can check it again (one URL or reference per line, with the date it was read).
    sources = models.TextField(
        _("sources"), blank=True,
        help_text=_("Where the facts, codes and tools of this article come from: one URL or reference per line, "
                    "with the date it was checked. Shown to staff only."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    updated_at = models.DateTimeField(_("last update"), default=timezone.now)
    # For each translation language and field, the English text that translation was made from
    # (or last checked against): when the English changes, the translation needs review.
    translated_from = models.JSONField(_("English text each translation was made from"), default=dict,
                                       blank=True, editable=False)
    # Bumped on every save from the admin: a form opened on an older revision is refused,
    # so one editor never silently overwrites another's work.
    revision = models.PositiveIntegerField(_("revision"), default=0)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["category", "order", "slug"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("edit_article_settings", _("Can change an article's slug, category, publication and signatures")),
            ("publish_article", _("Can publish an article's draft")),
        ]

    def __str__(self):
        return self.title or self.slug

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("web:article", kwargs={"slug": self.slug})


class ArticleDraftQuerySet(models.QuerySet):
    def due(self):
        return self.filter(publish_at__isnull=False, publish_at__lte=timezone.now())


class ArticleDraft(models.Model):
    """Changes to an article (its text in both languages and its signatures) not yet on the site.

    Kept as the edit form was submitted, so that publishing it runs every check a direct save
    runs (the revision it was made on, signature patterns) and is refused whole if one fails.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="draft", verbose_name=_("article"))
    data = models.JSONField(_("form data"), default=dict)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 verbose_name=_("saved by"))
    saved_at = models.DateTimeField(_("saved at"), default=timezone.now)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)

    objects = ArticleDraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self):
        return str(self.article)


class BounceSignatureQuerySet(models.QuerySet):
    def get_by_natural_key(self, article_slug, text):
        return self.get(article__slug=article_slug, text=text)


class BounceSignature(models.Model):
    """A bounce text, as a sender sees it, that leads to an article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="signatures", verbose_name=_("article")
    )
    text = models.TextField(_("bounce text"), help_text=_("The exact text of the bounce, as the sender sees it."))
    reply_code = models.CharField(_("reply code"), max_length=3, blank=True, help_text=_("For example 553."))
    status = models.CharField(_("enhanced status code"), max_length=16, blank=True, help_text=_("For example 5.7.1."))
    pattern = models.CharField(
        _("match pattern"),
        max_length=500,
        blank=True,
        help_text=_(
            "RE2 regular expression, case-insensitive, searched in the diagnostic text. "
            "Leave blank to match the bounce text itself."
        ),
    )
    note = models.TextField(_("staff note"), blank=True)

    objects = BounceSignatureQuerySet.as_manager()

    class Meta:
        ordering = ["article", "pk"]
        verbose_name = _("bounce signature")
        verbose_name_plural = _("bounce signatures")

    def __str__(self):
        return self.text[:80]

    def natural_key(self):
        return (self.article.slug, self.text)

    natural_key.dependencies = ["articles.article"]


class ContentVersion(models.Model):
    """A single row whose number changes whenever published content changes.

    Every process compares it with the version of its in-memory snapshot (articles, compiled
    rules, search index) and rebuilds the snapshot when they differ.
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.version)


class FeedbackQuerySet(models.QuerySet):
    def counts(self):
        """Helpful / not helpful votes per article and language."""
        return self.values("article__slug", "language", "helpful").annotate(votes=models.Count("pk"))


class Feedback(models.Model):
    """A visitor's answer to "Was this helpful?": one per visitor and article, per language."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("article"))
    language = models.CharField(_("language"), max_length=8)
    helpful = models.BooleanField(_("helpful"))
    # A hash of the visitor's session: enough to count one vote each, nothing that identifies them.
    voter = models.CharField(_("visitor"), max_length=64)
    created_at = models.DateTimeField(_("voted at"), default=timezone.now)
    # After a "No": what the visitor says was missing (optional, short, addresses redacted).
    comment = models.TextField(_("what was missing (addresses redacted)"), blank=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        # a vote belongs to one article in one language
        constraints = [models.UniqueConstraint(fields=["article", "voter", "language"],
                                               name="one_vote_per_visitor_article_and_language")]

    def __str__(self):
        return f"{self.article_id} {self.language} {'+' if self.helpful else '-'}"


class MissedQueryQuerySet(models.QuerySet):
    def stale(self, *, days: int):
        return self.filter(last_seen__lt=timezone.now() - timedelta(days=days))


class MissedQuery(models.Model):
    """Something a sender pasted or searched for that we could not answer well.

    Stored with email addresses redacted, once per distinct text, with a count.
    """

    class Kind(models.TextChoices):
        PASTE = "paste", _("pasted bounce")
        SEARCH = "search", _("search")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    text = models.TextField(_("text (addresses redacted)"))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8)
    confidence = models.FloatField(_("best confidence"), null=True, blank=True)
    count = models.PositiveIntegerField(_("times seen"), default=1)
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen = models.DateTimeField(_("last seen"), default=timezone.now)

    objects = MissedQueryQuerySet.as_manager()

    class Meta:
        ordering = ["-count", "-last_seen"]
        verbose_name = _("what senders could not find")
        verbose_name_plural = _("what senders could not find")

    def __str__(self):
        return self.text[:80]


class SavedReportQuerySet(models.QuerySet):
    def live(self, *, days: int):
        return self.filter(created_at__gte=timezone.now() - timedelta(days=days))

    def stale(self, *, days: int):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))


class SavedReport(models.Model):
    """A pasted report kept so that its result has an address to reload and share.

    Trust decision: the token is the only key (unguessable, 128 bits); the text is stored with
    every address redacted (see redaction.py) and forgotten after SAVED_REPORT_RETENTION_DAYS.
    """

    token = models.CharField(_("token"), max_length=32, unique=True, editable=False)
    text = models.TextField(_("text (addresses redacted)"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = SavedReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved report")
        verbose_name_plural = _("saved reports")

    def __str__(self):
        return self.token

    def get_absolute_url(self):
        return reverse("web:saved_result", kwargs={"token": self.token})


class SearchSynonym(models.Model):
    """Words senders use for the same thing, added by staff to the built-in list of the search.

    A query with any of the words also finds articles that use the others, in both languages.
    """

    words = models.CharField(
        _("words that mean the same"), max_length=300, unique=True,
        help_text=_("Two or more words or phrases, separated by commas, for example: "
                    "blacklist, blocklist, liste noire."),
    )
    note = models.CharField(_("staff note"), max_length=200, blank=True)

    class Meta:
        ordering = ["words"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.words

    def terms(self) -> list[str]:
        return [term.strip() for term in self.words.split(",") if term.strip()]


class DailyCountQuerySet(models.QuerySet):
    def since(self, *, days: int):
        return self.filter(day__gt=timezone.localdate() - timedelta(days=days))


class DailyCount(models.Model):
    """How often something happened on one day, for the insight page.

    Trust decision: only counts per day, kind, language, category and article are kept, never
    what a sender pasted or typed (that stays in the redacted, purged unfound list at most).
    """

    class Kind(models.TextChoices):
        PASTE = "paste", _("bounce read")
        LOW_CONFIDENCE = "low", _("bounce read with low confidence")
        UNMATCHED = "unmatched", _("bounce not matched")
        SEARCH = "search", _("search")
        SEARCH_EMPTY = "search_empty", _("search without result")

    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8)
    category = models.CharField(_("category"), max_length=32, blank=True)
    article = models.CharField(_("article"), max_length=80, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    objects = DailyCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("insight: what senders hit")
        verbose_name_plural = _("insight: what senders hit")
        constraints = [models.UniqueConstraint(fields=["day", "kind", "language", "category", "article"],
                                               name="one_count_per_day_kind_language_category_article")]

    def __str__(self):
        return f"{self.day} {self.kind} {self.language} {self.category} {self.article}: {self.count}"
