import difflib
import re
from dataclasses import replace

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from troubleshoot.diagnosis import BounceInputError, PatternError, pattern_validate


from .categories import Category
from .content_checks import dead_links_find, french_typography_problems
from .insight import CHART_HEIGHT, PERIODS, chart_columns, insight_csv, insight_report_build
from .models import Article, ArticleDraft, BounceSignature, DailyCount, Feedback, MissedQuery, SearchSynonym
from .rendering import markdown_render
from .services import INPUT_ERROR_MESSAGES, bounce_diagnose_published
from .translation_review import (
    articles_needing_review,
    translation_source_get,
    translation_sources_fill,
    translation_sources_record,
    translation_stale_fields,
)

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French")}
TRANSLATED_FIELDS = ("title", "summary", "body")
# What a translator may not touch: everything but the translated text.
SETTINGS_FIELDS = ("slug", "category", "permanence", "is_general", "is_published", "order")

PATTERN_ERRORS = {
    "syntax": _("This pattern is not a valid RE2 regular expression: %(detail)s"),
    "no_match_example": _("This pattern does not match its own bounce text. Adjust one or the other."),
    "too_broad": _("This pattern matches almost any text. Make it more specific."),
    "too_long": _("This pattern is too long. Keep only the distinctive words of the bounce."),
    "empty": _("Give the bounce text, a pattern, or both."),
}


def signature_errors(*, pattern: str, text: str) -> list:
    """The messages staff see for a signature whose pattern cannot be used (empty when fine)."""
    try:
        pattern_validate(pattern=pattern or "", example=text or "")
    except PatternError as error:
        message = PATTERN_ERRORS.get(error.code, _("This pattern cannot be used: %(detail)s"))
        return [forms.ValidationError(message, params={"detail": error.detail})]
    return []


class BounceSignatureForm(forms.ModelForm):
    class Meta:
        model = BounceSignature
        fields = ["text", "reply_code", "status", "pattern", "note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "note": forms.Textarea(attrs={"rows": 1})}

    def clean(self):
        cleaned = super().clean()
        for error in signature_errors(pattern=cleaned.get("pattern"), text=cleaned.get("text")):
            self.add_error("pattern", error)
        return cleaned


class BounceSignatureInline(admin.StackedInline):
    model = BounceSignature
    form = BounceSignatureForm
    extra = 0


def _text_normalised(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


_WORD_OR_SPACE = re.compile(r"\s+|[^\s]+")


def text_word_diff(old: str, new: str) -> str:
    """`new` with the words removed since `old` struck out and the words added underlined (HTML);
    line breaks kept (shown with white-space: pre-wrap)."""
    old_words, new_words = _WORD_OR_SPACE.findall(old or ""), _WORD_OR_SPACE.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(new_words[b1:b2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", "".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", "".join(new_words[b1:b2])))
    return mark_safe(f'<div class="word-diff">{"".join(parts)}</div>')  # every piece escaped above


class ArticleAdminForm(forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    publish_at = forms.SplitDateTimeField(
        label=_("Publish the draft at"), required=False, widget=AdminSplitDateTime,
        help_text=_("Optional, with “Save draft”: the draft goes live at this time (within a few minutes)."),
    )
    reviewed_fr = forms.BooleanField(
        label=_("The French text is checked against the current English"),
        required=False,
        help_text=_("Tick it once you have read the French beside the new English and updated it where needed: "
                    "the article then no longer shows as needing review."),
    )

    class Meta:
        model = Article
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        # Browsers send textareas with CRLF line endings: stored as LF without trailing spaces, an
        # untouched field saves unchanged, and History shows only what the editor changed.
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and name.split("_")[0] in ("title", "summary", "body", "sources"):
                value = _text_normalised(value)
                stored = getattr(self.instance, name, None) if self.instance.pk else None
                # unchanged but for line endings and trailing spaces: keep the stored text as it is
                cleaned[name] = stored if isinstance(stored, str) and _text_normalised(stored) == value else value
        # Rendered output is sanitised anyway; refusing script here tells staff it would vanish.
        for name, value in list(cleaned.items()):
            if name.startswith("body_") and value and "<script" in value.lower():
                self.add_error(name, _("Remove the <script> element: scripts are never shown to visitors."))
        if self.instance.pk:
            # Lock the row for the rest of the admin's transaction, so two saves cannot cross.
            current = (
                Article.objects.select_for_update().filter(pk=self.instance.pk).values_list("revision", flat=True).first()
            )
            if current is not None and cleaned.get("revision") != current:
                raise forms.ValidationError(
                    _(
                        "Someone else saved this article or changed one of its signatures after you opened it. "
                        "Your changes were not saved: copy them, reload the page to see the new version, then "
                        "apply them again."
                    ),
                    code="stale",
                )
        return cleaned


class TestBounceForm(forms.Form):
    text = forms.CharField(
        label=_("Bounce"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "vLargeTextField"}),
        help_text=_("Paste a reply line or a whole non-delivery report."),
    )


class SignatureWithArticleForm(BounceSignatureForm):
    """A signature on its own (not inline): the article is chosen too.

    The article's revision when the form was opened travels with it: a save on a stale view of
    the article and its signatures is refused, never written over someone else's change.
    """

    article_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(BounceSignatureForm.Meta):
        fields = ["article", *BounceSignatureForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["article_revision"].initial = self.instance.article.revision

    def clean(self):
        cleaned = super().clean()
        opened_at = cleaned.get("article_revision")
        if self.instance.pk and opened_at is not None:
            current = (Article.objects.select_for_update().filter(pk=self.instance.article_id)
                       .values_list("revision", flat=True).first())
            if current is not None and current != opened_at:
                raise forms.ValidationError(
                    _("Someone changed the article “%(article)s” or one of its signatures after you opened this "
                      "signature. Nothing was saved: reload the page to see their change, then apply yours again."),
                    params={"article": self.instance.article}, code="stale",
                )
        return cleaned


class NeedsReviewFilter(admin.SimpleListFilter):
    title = _("translation needs review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [(code, _("%(language)s needs review") % {"language": name})
                for code, name in LANGUAGE_NAMES.items() if code != "en"]

    def queryset(self, request, queryset):
        if self.value() not in LANGUAGE_NAMES or self.value() == "en":
            return queryset
        return queryset.filter(pk__in=articles_needing_review(lang=self.value()))


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, _("No %(language)s text") % {"language": name}) for code, name in LANGUAGE_NAMES.items()]

    def queryset(self, request, queryset):
        if self.value() not in LANGUAGE_NAMES:
            return queryset
        # Named fields, not the translated accessor: filters do not fall back.
        missing = Q()
        for name in TRANSLATED_FIELDS:
            column = f"{name}_{self.value()}"
            missing |= Q(**{f"{column}__isnull": True}) | Q(**{column: ""})
        return queryset.filter(missing)


DRAFT_LEFT_OUT = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_save_draft", "_discard_draft",
                  "publish_at_0", "publish_at_1"}


def draft_store(*, article_id: int, data: QueryDict, fields: list[str], user, publish_at) -> ArticleDraft:
    """Keep the submitted edit form of an article as its draft (replacing an older one)."""
    kept = {key: data.getlist(key) for key in data if key not in DRAFT_LEFT_OUT}
    kept["_fields"] = fields  # which fields the form had: an unticked box is absent from the data
    draft, _created = ArticleDraft.objects.update_or_create(
        article_id=article_id,
        defaults={"data": kept, "saved_by": user if user.is_authenticated else None, "saved_at": timezone.now(),
                  "publish_at": publish_at},
    )
    return draft


def draft_query_dict(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        if not key.startswith("_"):
            query.setlist(key, values)
    return query


def draft_fields_apply(*, article: Article, data: dict) -> None:
    """Show the draft's values in the edit form (the article itself is not saved)."""
    for name in data.get("_fields", []):
        try:
            field = Article._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field (reviewed_fr, publish_at)
            continue
        if not field.editable or name in ("id", "revision", "updated_at"):
            continue
        if isinstance(field, models.BooleanField):
            setattr(article, name, name in data)
        elif name in data:
            setattr(article, name, data[name][-1])


def _vote_count(language: str, helpful: bool):
    return Count("feedback", filter=Q(feedback__language=language, feedback__helpful=helpful), distinct=True)


@admin.register(Article)
class ArticleAdmin(CompareVersionAdmin, TabbedTranslationAdmin):
    form = ArticleAdminForm
    inlines = [BounceSignatureInline]
    list_display = [
        "slug", "titles", "category", "is_published", "translations",
        "votes_en", "votes_fr", "updated_on",
    ]
    list_filter = ["category", "is_published", "is_general", MissingTranslationFilter, NeedsReviewFilter]
    search_fields = ["slug", "title_en", "title_fr", "signatures__text"]
    fieldsets = [
        (None, {"fields": [*SETTINGS_FIELDS, "updated_at", "revision"]}),
        (_("Translation review"), {"fields": ["translation_status", "reviewed_fr"]}),
        (_("Draft"), {"fields": ["publish_at"]}),
        (_("Text"), {"fields": ["title", "summary", "body"]}),
        (_("Sources (staff only)"), {"fields": ["sources"], "classes": ["collapse"]}),
        (_("Preview"), {"fields": ["preview"], "classes": ["collapse"]}),
    ]

    def get_urls(self):
        urls = super().get_urls()
        custom = [
            path("test-bounce/", self.admin_site.admin_view(self.test_bounce_view), name="articles_article_test_bounce"),
            path("<path:object_id>/preview/", self.admin_site.admin_view(self.preview_view), name="articles_article_preview"),
        ]
        return custom + urls

    # -- drafts: "Save draft" keeps the submitted form aside; the site changes only on publish ----

    def may_publish(self, request) -> bool:
        return request.user.has_perm("articles.publish_article") or (
            settings.TRANSLATORS_MAY_PUBLISH and request.user.has_perm("articles.change_article"))

    def _drafting(self, request) -> bool:
        return request.method == "POST" and ("_save_draft" in request.POST or not self.may_publish(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and request.method != "POST":
            draft = ArticleDraft.objects.filter(article=obj).first()
            if draft is not None:
                draft_fields_apply(article=obj, data=draft.data)
                obj._draft = draft
        return obj

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        draft = getattr(obj, "_draft", None)
        # the signatures as the draft left them (a translator's draft has none: it keeps the saved ones)
        if draft is not None and request.method != "POST" and f"{prefix}-TOTAL_FORMS" in draft.data:
            kwargs["data"] = draft_query_dict(draft.data)
        return kwargs

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None:
            draft = getattr(obj, "_draft", None)
            # a draft carries the revision it was made on: publishing it over a newer save is refused
            form.base_fields["revision"].initial = int(draft.data.get("revision", [obj.revision])[-1]) if draft else obj.revision
            form.base_fields["publish_at"].initial = draft.publish_at if draft else None
            form.base_fields["reviewed_fr"].initial = bool(draft and "reviewed_fr" in draft.data)
        return form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id and "_discard_draft" in request.POST:
            article = self.get_object(request, object_id)
            if article is None or not self.has_change_permission(request, article):
                raise PermissionDenied
            ArticleDraft.objects.filter(article=article).delete()
            messages.success(request, _("The draft was discarded; the published version is unchanged."))
            return redirect("admin:articles_article_change", article.pk)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        may_publish = self.may_publish(request)
        context.update({
            "may_publish": may_publish,
            "draft": getattr(obj, "_draft", None),
            "show_save_and_add_another": False,
        })
        if not may_publish:
            context.update({"show_save": False, "show_save_and_continue": False})
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "_draft_saved", False):
            return
        super().save_related(request, form, formsets, change)
        ArticleDraft.objects.filter(article=form.instance).delete()  # published: the draft is done

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_draft_saved", False):
            return []  # nothing was saved: the formsets hold no saved objects to describe
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "_draft_saved", False):
            return None  # History lists what was published, not drafts
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(request, "_draft_saved", False):
            messages.success(request, _("Draft saved. The site still shows the published version until the draft is "
                                        "published."))
            return redirect("admin:articles_article_change", obj.pk)
        return super().response_change(request, obj)

    def preview_view(self, request, object_id):
        """The article as the public will see it, both languages side by side, from the unsaved form."""
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        source = request.POST if request.method == "POST" else QueryDict()
        columns = []
        for code, name in LANGUAGE_NAMES.items():
            def field(field_name, code=code):
                value = source.get(f"{field_name}_{code}", getattr(article, f"{field_name}_{code}") or "")
                return value or source.get(f"{field_name}_en", getattr(article, f"{field_name}_en") or "")
            columns.append({"code": code, "name": name, "title": field("title"), "summary": field("summary"),
                            "body": field("body")})
        return TemplateResponse(request, "admin/articles/article/preview.html", {"columns": columns, "article": article})

    def test_bounce_view(self, request):
        """Paste a bounce, see where it routes and why, and keep it as a signature."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        can_save = request.user.has_perm("articles.add_bouncesignature")
        answer, error, save_forms = None, None, []
        action = request.POST.get("action")
        if action == "save":
            if not can_save:
                raise PermissionDenied
            save_form = SignatureWithArticleForm(request.POST, prefix="save")
            if save_form.is_valid():
                signature = save_form.save()
                messages.success(
                    request,
                    _("The bounce is now a signature of “%(article)s”.") % {"article": signature.article},
                )
                return redirect("admin:articles_article_change", signature.article.pk)
            form = TestBounceForm(initial={"text": request.POST.get("tested", "")})
            save_forms = [save_form]
        else:
            initial_text = ""
            missed = request.GET.get("missed")
            if missed and missed.isdigit():
                query = MissedQuery.objects.filter(pk=missed).first()
                initial_text = query.text if query else ""
            form = TestBounceForm(request.POST or None, initial={"text": initial_text})
            if request.method == "POST" and form.is_valid():
                try:
                    answer = bounce_diagnose_published(text=form.cleaned_data["text"], explain=True)
                except BounceInputError as exc:
                    error = INPUT_ERROR_MESSAGES.get(exc.code, INPUT_ERROR_MESSAGES["unreadable"])
                else:
                    article_pks = dict(Article.objects.values_list("slug", "pk"))
                    save_forms = [
                        SignatureWithArticleForm(
                            prefix="save",
                            initial={
                                "article": article_pks.get(result.article),
                                "text": result.diagnostic_text or form.cleaned_data["text"][:2000],
                                "reply_code": result.reply_code or "",
                                "status": result.status or "",
                            },
                        )
                        for result in answer.results
                    ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Test a bounce"),
            "form": form,
            "error": error,
            "results": list(zip(answer.results, save_forms, strict=True)) if answer else [],
            "save_forms": save_forms if action == "save" else [],
            "can_save": can_save,
            "tested": request.POST.get("text") or request.POST.get("tested", ""),
        }
        return TemplateResponse(request, "admin/articles/article/test_bounce.html", context)

    # History → compare: text fields word by word, per language (each language is its own field).
    def compare_CharField(self, obj_compare):
        return self._compare_words(obj_compare)

    def compare_TextField(self, obj_compare):
        return self._compare_words(obj_compare)

    def _compare_words(self, obj_compare):
        old, new = (value if isinstance(value, str) else "" for value in (obj_compare.value1, obj_compare.value2))
        return text_word_diff(old, new)

    # Restoring a version rewrites every field and the signatures: only for those who may
    # change them directly (not translators).
    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not request.user.has_perm("articles.edit_article_settings"):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not request.user.has_perm("articles.edit_article_settings"):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                helpful_en_count=_vote_count("en", True),
                not_helpful_en_count=_vote_count("en", False),
                helpful_fr_count=_vote_count("fr", True),
                not_helpful_fr_count=_vote_count("fr", False),
            )
        )

    @admin.display(description=_("last update"), ordering="updated_at")
    def updated_on(self, article):
        return article.updated_at.date().isoformat()

    # Both titles in one column, so that the list with its vote columns fits 1280 px.
    @admin.display(description=_("title (English / French)"), ordering="title_en")
    def titles(self, article):
        return format_html('{}<br><span lang="fr">{}</span>', article.title_en, article.title_fr or "—")

    # Helpful / not helpful in one column per language, sorted by the "not helpful" count.
    @admin.display(description=_("votes (en): yes / no"), ordering="-not_helpful_en_count")
    def votes_en(self, article):
        return f"{article.helpful_en_count} / {article.not_helpful_en_count}"

    @admin.display(description=_("votes (fr): yes / no"), ordering="-not_helpful_fr_count")
    def votes_fr(self, article):
        return f"{article.helpful_fr_count} / {article.not_helpful_fr_count}"

    def get_readonly_fields(self, request, obj=None):
        readonly = ["updated_at", "preview", "translation_status"]
        if obj is not None and not request.user.has_perm("articles.edit_article_settings"):
            readonly += list(SETTINGS_FIELDS)
        return readonly

    @admin.display(description=_("translations"))
    def translations(self, article):
        missing = [
            str(name)
            for code, name in LANGUAGE_NAMES.items()
            if any(not getattr(article, f"{field}_{code}") for field in TRANSLATED_FIELDS)
        ]
        stale = [str(name) for code, name in LANGUAGE_NAMES.items()
                 if code != "en" and translation_stale_fields(article=article, lang=code)]
        states = []
        if missing:
            states.append(_("missing: %(languages)s") % {"languages": ", ".join(missing)})
        if stale:
            states.append(_("needs review: %(languages)s") % {"languages": ", ".join(stale)})
        return "; ".join(str(state) for state in states) or _("complete")

    @admin.display(description=_("translation status"))
    def translation_status(self, article):
        if not article.pk:
            return _("The French is checked against the English once the article is saved.")
        stale = translation_stale_fields(article=article, lang="fr")
        if not stale:
            return _("French: up to date with the English.")
        rows = format_html_join(
            "",
            "<details open><summary>{}</summary>{}</details>",
            (
                (
                    _("%(field)s: the English changed since the French was written (removed words struck out, "
                      "new words underlined)") % {"field": Article._meta.get_field(field).verbose_name},
                    text_word_diff(translation_source_get(article=article, lang="fr", field=field) or "",
                                   getattr(article, f"{field}_en") or ""),
                )
                for field in stale
            ),
        )
        return format_html('<div class="translation-review"><p><strong>{}</strong></p>{}</div>',
                           _("French needs review."), rows)

    @admin.display(description=_("rendered preview"))
    def preview(self, article):
        if not article.pk:
            return _("Save the article to see its preview.")
        return format_html(
            '<div class="article-preview">{}</div>',
            format_html_join(
                "",
                '<section lang="{}"><h3>{}</h3><h4>{}</h4>{}</section>',
                (
                    (
                        code,
                        name,
                        getattr(article, f"title_{code}") or article.title_en,
                        mark_safe(markdown_render(getattr(article, f"body_{code}") or article.body_en or "")),  # nh3-sanitised
                    )
                    for code, name in LANGUAGE_NAMES.items()
                ),
            ),
        )

    def save_model(self, request, obj, form, change):
        if change and self._drafting(request):
            data = request.POST
            if not request.user.has_perm("articles.change_bouncesignature"):
                # signatures are read-only to this user: the page posted their ids, not their text
                data = data.copy()
                for key in [key for key in data if key.startswith("signatures-")]:
                    del data[key]
            draft_store(article_id=obj.pk, data=data, fields=list(form.fields), user=request.user,
                        publish_at=form.cleaned_data.get("publish_at"))
            request._draft_saved = True
            return
        # Translations without a record were made from the English as it stood before this save.
        translation_sources_fill(
            article=obj,
            english_before={field: form.initial.get(f"{field}_en") for field in TRANSLATED_FIELDS} if change else None,
        )
        # A French text edited in this save, or confirmed, is now a translation of today's English.
        reviewed = [
            field for field in TRANSLATED_FIELDS
            if form.cleaned_data.get("reviewed_fr") or (getattr(obj, f"{field}_fr") or "")
            != (form.initial.get(f"{field}_fr") or "")
        ]
        translation_sources_record(article=obj, lang="fr", fields=reviewed)
        obj.updated_at = timezone.now()
        obj.revision = (form.cleaned_data.get("revision") or 0) + 1 if change else 0
        super().save_model(request, obj, form, change)
        # Saved as written; each place to fix is listed (docs/writing-articles.md says why).
        for warning in article_text_warnings(obj):
            messages.warning(request, warning)


def article_text_warnings(article: Article) -> list[str]:
    """A dead tool named in any field, and broken French typography in the French fields."""
    warnings = []
    for name in ("title", "summary", "body", "sources"):
        for code in (LANGUAGE_NAMES if name != "sources" else [None]):
            field = f"{name}_{code}" if code else name
            label = f"{name} [{code}]" if code else name
            value = getattr(article, field, "") or ""
            for found in dead_links_find(value):
                warnings.append(_("Dead tool in %(field)s: %(found)s") % {"field": label, "found": found})
            if code == "fr":
                for problem in french_typography_problems(value):
                    warnings.append(_("French typography in %(field)s: %(problem)s") % {"field": label, "problem": problem})
    return warnings[:30]


@admin.register(BounceSignature)
class BounceSignatureAdmin(CompareVersionAdmin):
    form = SignatureWithArticleForm
    list_display = ["text", "article", "reply_code", "status"]
    list_filter = ["article__category"]
    search_fields = ["text", "pattern", "article__slug"]
    list_select_related = ["article"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Votes, and what visitors who voted "No" said was missing: next to what senders could not find."""

    list_display = ["article", "language", "helpful", "comment", "created_at"]
    list_filter = ["helpful", "language", ("comment", admin.EmptyFieldListFilter)]
    search_fields = ["comment", "article__slug"]
    list_select_related = ["article"]
    readonly_fields = ["article", "language", "helpful", "comment", "created_at"]
    exclude = ["voter"]

    def has_add_permission(self, request):
        return False


@admin.register(MissedQuery)
class MissedQueryAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "kind", "language", "count", "confidence", "last_seen", "test_link"]
    list_filter = ["kind", "language"]
    search_fields = ["text"]
    ordering = ["-count", "-last_seen"]
    readonly_fields = ["kind", "text", "language", "confidence", "count", "first_seen", "last_seen"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("text"))
    def excerpt(self, query):
        return query.text[:120]

    @admin.display(description=_("next step"))
    def test_link(self, query):
        test_url = reverse("admin:articles_article_test_bounce")
        # the add form takes its initial values from the query string (redacted text only)
        add_url = reverse("admin:articles_article_add") + "?" + urlencode(
            {f"title_{query.language if query.language in LANGUAGE_NAMES else 'en'}": query.text[:200],
             "sources": _("Written from what senders could not find: “%(text)s”") % {"text": query.text[:200]}})
        return format_html('<a href="{}?missed={}">{}</a> · <a href="{}">{}</a>', test_url, query.pk,
                           _("Test this bounce"), add_url, _("Create an article from this"))


@admin.register(DailyCount)
class InsightAdmin(admin.ModelAdmin):
    """The insight page: what senders hit, over 7, 30 or 90 days; its rows are only counts."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def changelist_view(self, request, extra_context=None):
        try:
            days = int(request.GET.get("days", "30"))
        except ValueError:
            days = 30
        days = days if days in PERIODS else 30
        if request.GET.get("format") == "csv":
            response = HttpResponse(insight_csv(days=days), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="insight-{days}-days.csv"'
            return response
        report = insight_report_build(days=days)
        categories = dict(Category.choices)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("What senders hit"),
            "report": report,
            "periods": PERIODS,
            "columns": chart_columns(report.pastes_per_day),
            "chart_height": CHART_HEIGHT,
            "tables": [
                (_("By category"), [replace(bar, label=str(categories.get(bar.label, bar.label))) for bar in report.by_category]),
                (_("Articles reached most"), report.top_articles),
                (_("By language"), [replace(bar, label=str(LANGUAGE_NAMES.get(bar.label, bar.label))) for bar in report.by_language]),
            ],
            "low_percent": round(100 * report.share(report.low_confidence, report.pastes)),
            "unmatched_percent": round(100 * report.share(report.unmatched, report.pastes)),
            "empty_percent": round(100 * report.share(report.searches_empty, report.searches)),
        }
        return TemplateResponse(request, "admin/articles/insight.html", context)


class SearchSynonymForm(forms.ModelForm):
    class Meta:
        model = SearchSynonym
        fields = ["words", "note"]

    def clean_words(self):
        terms = [" ".join(term.split()) for term in self.cleaned_data["words"].split(",")]
        if any(not term for term in terms) or len(terms) < 2:
            raise forms.ValidationError(
                _("Give two or more words or phrases, separated by commas, with no empty entry between two commas."),
                code="empty",
            )
        seen = set()
        for term in terms:
            if term.casefold() in seen:
                raise forms.ValidationError(_("“%(term)s” is given twice."), params={"term": term}, code="duplicate")
            seen.add(term.casefold())
        others = SearchSynonym.objects.exclude(pk=self.instance.pk) if self.instance.pk else SearchSynonym.objects.all()
        for other in others:
            if {t.casefold() for t in other.terms()} == seen:
                raise forms.ValidationError(_("The same words are already listed together: “%(words)s”."),
                                            params={"words": other.words}, code="duplicate")
        return ", ".join(terms)


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    """Words senders type for the same thing, on top of the built-in list; the search uses them at once."""

    form = SearchSynonymForm
    list_display = ["words", "note"]
    search_fields = ["words", "note"]


def draft_publish(*, draft: ArticleDraft) -> list[str]:
    """Publish a draft (a scheduled one) as its author's "Save" would have, with every check of the
    edit form; returns why it was refused ([] when published). A refused draft stays as it is."""
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.test import RequestFactory

    user = draft.saved_by
    if user is None or not user.is_active or not (
        user.has_perm("articles.publish_article")
        or (settings.TRANSLATORS_MAY_PUBLISH and user.has_perm("articles.change_article"))
    ):
        return [str(_("The person who scheduled this draft may not publish it: an editor must publish it."))]
    url = reverse("admin:articles_article_change", args=[draft.article_id])
    request = RequestFactory().post(url, data={**{k: v for k, v in draft.data.items() if not k.startswith("_")},
                                               "_save": "Save"})
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request._dont_enforce_csrf_checks = True  # replayed by the server itself, not sent by a browser
    response = admin.site._registry[Article].change_view(request, str(draft.article_id))
    if response.status_code == 302:
        return []
    context = getattr(response, "context_data", None) or {}
    errors = []
    if "adminform" in context:
        errors += [str(e) for e in context["adminform"].form.non_field_errors()]
        errors += [f"{name}: {e}" for name, field_errors in context["adminform"].form.errors.items()
                   if name != "__all__" for e in field_errors]
    for inline in context.get("inline_admin_formsets", []):
        for form in inline.formset.forms:
            errors += [f"{name}: {e}" for name, field_errors in form.errors.items() for e in field_errors]
    return errors or [str(_("The draft could not be published."))]
