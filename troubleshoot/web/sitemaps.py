from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from troubleshoot.articles.snapshot import content_snapshot_get

from .status_codes import known_codes


class ArticleSitemap(Sitemap):
    """Every published article in every language, each with its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return sorted(content_snapshot_get().articles.values(), key=lambda entry: entry.slug)

    def location(self, entry):
        return reverse("web:article", kwargs={"slug": entry.slug})

    def lastmod(self, entry):
        return entry.updated_at


class HomeSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    priority = 1.0

    def items(self):
        return ["web:home"]

    def location(self, name):
        return reverse(name)


class CodeSitemap(Sitemap):
    """The page of every status code the site explains, in every language."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "yearly"

    def items(self):
        return known_codes()

    def location(self, code):
        return reverse("web:code", kwargs={"code": code})
