from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from troubleshoot.web import views as web_views
from troubleshoot.web.sitemaps import ArticleSitemap, CodeSitemap, HomeSitemap

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"home": HomeSitemap, "articles": ArticleSitemap, "codes": CodeSitemap}}, name="sitemap"),
    path("api/", include("troubleshoot.api.urls")),
    # for a load balancer: alive, and ready (database and cache reachable)
    path("favicon.ico", web_views.favicon, name="favicon"),
    path("healthz", web_views.healthz, name="healthz"),
    path("readyz", web_views.readyz, name="readyz"),
]

# Public pages carry the language in the URL; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("troubleshoot.web.urls")),
    prefix_default_language=True,
)
