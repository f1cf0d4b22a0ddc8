import sys

from django.core.management.base import BaseCommand, CommandError

from troubleshoot.articles.po import ArticlePoError, article_po_export


class Command(BaseCommand):
    help = "Write every article's text as a .po file (English msgid, one msgctxt per article field)."

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True, help="Translation language, e.g. fr.")
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, lang, output, **options):
        try:
            po = article_po_export(lang=lang)
        except ArticlePoError as error:
            raise CommandError(str(error)) from error
        if output:
            po.save(output)
            self.stderr.write(f"Wrote {len(po)} entries to {output}.")
        else:
            sys.stdout.write(str(po) + "\n")
