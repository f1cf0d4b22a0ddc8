from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "troubleshoot.articles"
    verbose_name = _("Articles")

    def ready(self):
        from . import signals  # noqa: F401  (content version bumps)
