import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from troubleshoot.articles.live_checks import check_targets_for, checks_for
from troubleshoot.articles.services import INPUT_ERROR_MESSAGES, bounce_diagnose_published
from troubleshoot.diagnosis import BounceInputError


class Command(BaseCommand):
    help = "Diagnose bounces (files, or - for standard input); prints one JSON object per line."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--lang", choices=[code for code, _name in settings.LANGUAGES], default="en")
        parser.add_argument("--check", action="store_true",
                            help="add live DNS checks of the sending IP and the domains each result names")

    def handle(self, *args, paths, lang, check, **options):
        failures = 0
        with translation.override(lang):
            for path in paths:
                try:
                    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
                    answer = bounce_diagnose_published(text=data)
                except OSError as error:  # one unreadable file does not stop the others
                    failures += 1
                    line = {"input": path, "error": {"code": "unreadable", "message": error.strerror or str(error)}}
                except BounceInputError as error:
                    failures += 1
                    line = {"input": path, "error": {"code": error.code, "message": str(INPUT_ERROR_MESSAGES[error.code])}}
                else:
                    line = {"input": path, **answer.to_dict(lang=lang)}
                    if check:
                        for result, item in zip(answer.results, line["results"]):
                            targets = check_targets_for(result=result, sender=answer.sender)
                            found = checks_for(ip=targets.ip, domain=targets.domain,
                                               recipient_domain=targets.recipient_domain,
                                               topics=targets.topics) if targets.any() else []
                            item["checks"] = [c.to_dict() for c in found]
                self.stdout.write(json.dumps(line, ensure_ascii=False))
        if failures:
            sys.exit(1)
