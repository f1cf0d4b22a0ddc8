import polib
from django.core.management.base import BaseCommand, CommandError

from troubleshoot.articles.po import ArticlePoError, article_po_import


class Command(BaseCommand):
    help = "Read a translated article .po file back; skips fuzzy and empty entries, never clears a field."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--lang", help="Language of the file (default: its Language header).")

    def handle(self, *args, file, lang, **options):
        try:
            po = polib.pofile(file, wrapwidth=0)
        except (OSError, ValueError) as error:
            raise CommandError(f"{file}: not a readable .po file ({error}).") from error
        try:
            report = article_po_import(po=po, lang=lang)
        except ArticlePoError as error:
            raise CommandError(str(error)) from error
        for change in report.changed:
            self.stdout.write(f"changed {change.slug} {change.field}")
        for context in report.skipped_stale:
            self.stdout.write(f"skipped {context}: its English text changed since the export")
        self.stdout.write(
            f"{len(report.changed)} changed, {report.unchanged} unchanged, {report.skipped_fuzzy} fuzzy skipped, "
            f"{report.skipped_empty} empty skipped, {len(report.skipped_stale)} stale skipped."
        )
