from django.conf import settings
from django.core.management.base import BaseCommand

from troubleshoot.articles.saved_reports import saved_reports_purge


class Command(BaseCommand):
    help = "Delete the saved (redacted) reports older than the retention period; their links then give 404."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SAVED_REPORT_RETENTION_DAYS,
            help="Keep the reports saved in the last DAYS days (default: SAVED_REPORT_RETENTION_DAYS, %(default)s).",
        )

    def handle(self, *args, days, **options):
        deleted = saved_reports_purge(days=days)
        self.stdout.write(f"Deleted {deleted} saved reports older than {days} days.")
