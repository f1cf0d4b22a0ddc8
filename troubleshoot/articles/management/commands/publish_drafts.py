from django.core.management.base import BaseCommand

from troubleshoot.articles.admin import draft_publish
from troubleshoot.articles.models import ArticleDraft


class Command(BaseCommand):
    help = "Publish the drafts whose “publish at” time has come (run it from cron, every few minutes)."

    def handle(self, *args, **options):
        failed = 0
        for draft in ArticleDraft.objects.due().select_related("article", "saved_by"):
            problems = draft_publish(draft=draft)
            if problems:
                failed += 1
                self.stderr.write(f"{draft.article.slug}: not published, the published version stays:")
                for problem in problems:
                    self.stderr.write(f"  {problem}")
            else:
                self.stdout.write(f"{draft.article.slug}: published")
        if failed:
            raise SystemExit(1)
