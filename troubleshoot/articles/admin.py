from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from troubleshoot.diagnosis import PatternError, pattern_validate
from troubleshoot.web.templatetags.article_markdown import markdown_render

from .models import Article, BounceSignature

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French")}
TRANSLATED_FIELDS = ("title", "summary", "body")

PATTERN_ERRORS = {
    "syntax": _("This pattern is not a valid RE2 regular expression: %(detail)s"),
    "no_match_example": _("This pattern does not match its own bounce text. Adjust one or the other."),
    "too_broad": _("This pattern matches almost any text. Make it more specific."),
}


class BounceSignatureForm(forms.ModelForm):
    class Meta:
        model = BounceSignature
        fields = ["text", "reply_code", "status", "pattern", "note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "note": forms.Textarea(attrs={"rows": 1})}

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("text") or ""
        try:
            pattern_validate(pattern=cleaned.get("pattern") or "", example=text)
        except PatternError as error:
            message = PATTERN_ERRORS.get(error.code, _("This pattern cannot be used: %(detail)s"))
            self.add_error("pattern", forms.ValidationError(message, params={"detail": error.detail}))
        return cleaned


class BounceSignatureInline(admin.StackedInline):
    model = BounceSignature
    form = BounceSignatureForm
    extra = 0


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        # Rendered output is sanitised anyway; refusing script here tells staff it would vanish.
        for name, value in list(cleaned.items()):
            if name.startswith("body_") and value and "<script" in value.lower():
                self.add_error(name, _("Remove the <script> element: scripts are never shown to visitors."))
        return cleaned


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


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    form = ArticleAdminForm
    inlines = [BounceSignatureInline]
    list_display = ["slug", "title_en", "title_fr", "category", "permanence", "is_published", "translations", "updated_at"]
    list_filter = ["category", "is_published", "is_general", MissingTranslationFilter]
    search_fields = ["slug", "title_en", "title_fr", "signatures__text"]
    readonly_fields = ["updated_at", "preview"]
    fieldsets = [
        (None, {"fields": ["slug", "category", "permanence", "is_general", "is_published", "order", "updated_at"]}),
        (_("Text"), {"fields": ["title", "summary", "body"]}),
        (_("Preview"), {"fields": ["preview"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("translations"))
    def translations(self, article):
        missing = [
            str(name)
            for code, name in LANGUAGE_NAMES.items()
            if any(not getattr(article, f"{field}_{code}") for field in TRANSLATED_FIELDS)
        ]
        return _("missing: %(languages)s") % {"languages": ", ".join(missing)} if missing else _("complete")

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
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(BounceSignature)
class BounceSignatureAdmin(admin.ModelAdmin):
    form = BounceSignatureForm
    list_display = ["text", "article", "reply_code", "status"]
    list_filter = ["article__category"]
    search_fields = ["text", "pattern", "article__slug"]
    list_select_related = ["article"]

    def get_fields(self, request, obj=None):
        return ["article", *BounceSignatureForm.Meta.fields]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["fields"] = ["article", *BounceSignatureForm.Meta.fields]
        return super().get_form(request, obj, change, **kwargs)
