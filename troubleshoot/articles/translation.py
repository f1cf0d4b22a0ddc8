from modeltranslation.translator import TranslationOptions, register

from .models import Article


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    # English is the source text: every French field may stay empty and fall back to it.
    required_languages = ("en",)
