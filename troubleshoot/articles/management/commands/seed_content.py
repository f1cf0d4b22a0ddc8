from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

import reversion

from troubleshoot.articles.models import Article
from troubleshoot.articles.translation_review import translation_sources_fill

SEED_FIXTURES = [settings.BASE_DIR / "fixtures" / name for name in ("seed_articles.json", "general_articles.json")]


class Command(BaseCommand):
    help = "Load the demo content into an empty database; with --force, reload it over existing articles."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload even if articles exist (overwrites their text).")

    def handle(self, *args, force, **options):
        # Staff edits live in the database; never overwrite them on a routine start.
        if Article.objects.exists() and not force:
            self.stdout.write("Articles already present: seed content not loaded.")
            return
        call_command("loaddata", *SEED_FIXTURES, verbosity=options["verbosity"])
        # History starts here: every article gets a first version to compare with and restore.
        with reversion.create_revision():
            reversion.set_comment("Seed content loaded")
            for article in Article.objects.prefetch_related("signatures"):
                # the seed's translations were written from its English: none needs review
                translation_sources_fill(article=article)
                Article.objects.filter(pk=article.pk).update(translated_from=article.translated_from)
                reversion.add_to_revision(article)
                for signature in article.signatures.all():
                    reversion.add_to_revision(signature)
