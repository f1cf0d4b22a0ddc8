from django.conf import settings
from django.core.management.base import BaseCommand

from troubleshoot.articles.missed import missed_queries_purge


class Command(BaseCommand):
    help = "Delete the unanswered pastes and searches not seen for the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.MISSED_QUERY_RETENTION_DAYS,
            help="Keep what was seen in the last DAYS days (default: MISSED_QUERY_RETENTION_DAYS, %(default)s).",
        )

    def handle(self, *args, days, **options):
        deleted = missed_queries_purge(days=days)
        self.stdout.write(f"Deleted {deleted} entries not seen for {days} days.")
