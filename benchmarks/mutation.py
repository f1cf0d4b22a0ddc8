#!/usr/bin/env python3
"""Mutation testing of the modules where a silent regression would hurt senders or staff.

mutmut 3 (configured in pyproject.toml, [tool.mutmut]) changes the code one small edit at a time
("<" for "<=", True for False, a string emptied, a call dropped) and runs the tests that reach the
changed function; a mutant that no test notices "survived". This prints, for each behaviour
below, the share of mutants killed and every survivor, and exits 1 when a behaviour scores under
--min. The score leaves out the survivors listed in EQUIVALENT (no input can tell them from the
code), each with its reason; README, "Mutation testing", lists them too.

The run happens in a copy of the project per behaviour (under --workdir), so that the work tree
stays clean and edits made meanwhile do not mix into it; that copy's [tool.mutmut] names only the
behaviour's files and tests. mutmut runs one behaviour at a time, with at most --jobs processes;
each mutant runs only the tests that reached its function, never the whole suite.

Usage: python benchmarks/mutation.py [--only redaction,permanence] [--min 90] [--jobs 2] [--diffs]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("troubleshoot", "tests", "templates", "locale", "fixtures", "benchmarks", "manage.py", "pyproject.toml")


@dataclass(frozen=True)
class Target:
    path: str  # the module's file, relative to the project
    functions: tuple[str, ...] = ("*",)  # "name", "Class.method", or "*" for every function of the file

    def patterns(self) -> list[str]:
        module = self.path[: -len(".py")].replace("/", ".")
        out = []
        for function in self.functions:
            if function == "*":
                out.append(f"{module}.x*__mutmut_*")
            elif "." in function:
                cls, method = function.split(".")
                out.append(f"{module}.x\u01c1{cls}\u01c1{method}__mutmut_*")
            else:
                out.append(f"{module}.x_{function}__mutmut_*")
        return out


@dataclass(frozen=True)
class Behaviour:
    targets: tuple[Target, ...]  # the functions that decide it
    tests: tuple[str, ...]  # where the tests that can notice it are (a mutant runs those that reach it)


# The behaviours of issue 14. Each is run in a copy of its own, with only its own tests.
BEHAVIOURS: dict[str, Behaviour] = {
    "redaction": Behaviour(
        (Target("troubleshoot/articles/redaction.py"),),
        ("tests/articles/test_redaction.py", "tests/articles/test_missed_queries.py", "tests/web/test_permalinks.py"),
    ),
    "permanence": Behaviour(
        (Target("troubleshoot/diagnosis/matching.py", ("_permanence",)),
         Target("troubleshoot/diagnosis/codes.py", ("permanence",))),
        # the files that assert permanence (every diagnosis reaches it: the whole folder would run
        # a thousand tests per mutant)
        ("tests/diagnosis/test_permanence_decided.py", "tests/diagnosis/test_stages.py",
         "tests/diagnosis/test_everyday_wordings.py", "tests/diagnosis/test_recipients.py",
         "tests/diagnosis/test_reading.py", "tests/diagnosis/test_dns.py", "tests/web/test_diagnose_page.py"),
    ),
    "evidence highlighting": Behaviour(
        (Target("troubleshoot/web/templatetags/article_markdown.py", ("highlight_filter",)),
         Target("troubleshoot/web/result_page.py", ("evidence_quoted", "result_page_build"))),
        ("tests/web/test_result_page.py", "tests/web/test_diagnose_page.py", "tests/web/test_highlight_offsets.py"),
    ),
    "search language": Behaviour(
        (Target("troubleshoot/search/services.py",
                ("SearchIndex.search", "SearchIndex._search", "SearchIndex._query", "SearchIndex._language_clauses")),),
        ("tests/search", "tests/web/test_pages.py"),
    ),
    "signature matching": Behaviour(
        (Target("troubleshoot/diagnosis/ruleset.py"),),
        ("tests/diagnosis/test_matching.py", "tests/diagnosis/test_seed_signatures.py",
         "tests/diagnosis/test_signature_matching.py", "tests/articles/test_signatures_route.py",
         "tests/articles/test_admin.py", "tests/articles/test_test_bounce.py"),
    ),
    "po import": Behaviour(
        (Target("troubleshoot/articles/po.py", ("article_po_import",)),),
        ("tests/articles/test_article_po.py", "tests/articles/test_edit_conflicts.py",
         "tests/articles/test_translation_review.py"),
    ),
    "edit-conflict guard": Behaviour(
        (Target("troubleshoot/articles/admin.py",
                ("ArticleAdminForm.clean", "SignatureWithArticleForm.__init__", "SignatureWithArticleForm.clean")),),
        ("tests/articles/test_edit_conflicts.py", "tests/articles/test_admin.py", "tests/articles/test_history.py"),
    ),
    "same-origin guard": Behaviour(
        (Target("troubleshoot/articles/same_origin.py"),),
        ("tests/articles/test_same_origin.py", "tests/web/test_feedback.py", "tests/web/test_security.py"),
    ),
    "throttling": Behaviour(
        (Target("troubleshoot/articles/throttling.py",
                ("client_address", "rate_check", "window_admit", "_local_admit", "diagnose_rate_check",
                 "checks_rate_check", "write_rate_check")),),
        ("tests/articles/test_throttling.py", "tests/articles/test_client_address.py", "tests/api/test_diagnose.py",
         "tests/web/test_feedback.py"),
    ),
}

# Survivors that no test can kill: no input tells them from the code (equivalent), the line cannot
# be reached, or the tool cannot switch them on. Each entry: a glob on mutant names, the text its
# change must contain (in its "+" lines; "-text": in the line it replaced; empty: any), and why. When the code moves and the
# numbering or the line with it, an entry no longer matches and the mutant counts again.
EQUIVALENT: list[tuple[str, str, str]] = [
    # same-origin guard: Django's request.headers is case-insensitive (HttpHeaders)
    ("troubleshoot.articles.same_origin.x_request_origin_allowed__mutmut_*", 'headers.get("origin")',
     "request.headers ignores the case of a header's name"),
    ("troubleshoot.articles.same_origin.x_request_origin_allowed__mutmut_*", 'headers.get("ORIGIN")',
     "request.headers ignores the case of a header's name"),
    ("troubleshoot.articles.same_origin.x_request_origin_allowed__mutmut_*", 'headers.get("sec-fetch-site")',
     "request.headers ignores the case of a header's name"),
    ("troubleshoot.articles.same_origin.x_request_origin_allowed__mutmut_*", 'headers.get("SEC-FETCH-SITE")',
     "request.headers ignores the case of a header's name"),
    # throttling: a missing header read as None or "" is falsy either way before it is used
    ("troubleshoot.articles.throttling.x_client_address__mutmut_*", 'get("HTTP_X_FORWARDED_FOR", None)',
     "None and \"\" both fail `if forwarded:`"),
    ("troubleshoot.articles.throttling.x_client_address__mutmut_*", 'get("HTTP_X_FORWARDED_FOR", )',
     "None and \"\" both fail `if forwarded:`"),
    # redaction
    ("troubleshoot.articles.redaction.x__domain_kept__mutmut_*", 'rsplit("@", )[-1]',
     "the part after the last @ is the same however many splits"),
    ("troubleshoot.articles.redaction.x__domain_kept__mutmut_*", 'rsplit("@", 2)[-1]', "the same last part"),
    ("troubleshoot.articles.redaction.x__domain_kept__mutmut_*", 'rsplit("@", 1)[+1]',
     "a match always holds an @: exactly two parts, [1] is [-1]"),
    ("troubleshoot.articles.redaction.x_text_redact__mutmut_*", "decoded = None",
     "the RecursionError branch (no cover): the MIME reader bounds nesting"),
    ("troubleshoot.articles.redaction.x_text_redact__mutmut_*", 'encode("utf-8", )',
     "bounce_text_decoded never returns a lone surrogate: the error handler is never used"),
    ("troubleshoot.articles.redaction.x_text_redact__mutmut_*", '"XXreplaceXX"', "error handler never used"),
    ("troubleshoot.articles.redaction.x_text_redact__mutmut_*", '"REPLACE"', "error handler never used"),
    ("troubleshoot.articles.redaction.x_text_redact__mutmut_*", '"UTF-8"', "codec names ignore case"),
    # permanence
    ("troubleshoot.diagnosis.matching.x__permanence__mutmut_*", '(f.diagnostic or "XXXX")',
     "an empty diagnostic becomes a text that matches no wording, like the empty one"),
    ("troubleshoot.diagnosis.matching.x__permanence__mutmut_*", '(f.context or "XXXX")', "as for the diagnostic"),
    ("troubleshoot.diagnosis.matching.x__permanence__mutmut_*", '"XX XX"',
     "the separator matters only for a wording split between the diagnostic's end and the context's start"),
    ("troubleshoot.diagnosis.matching.x__permanence__mutmut_*", "[:2001]",
     "only a wording ending exactly on the 2001st character of the context"),
    ("troubleshoot.diagnosis.matching.x__permanence__mutmut_*", "expired",
     "expired is a temporary category, decided two lines above: it never reaches this test"),
    ("troubleshoot.diagnosis.matching.x__permanence__mutmut_*", '"EXPIRED"', "as above"),
    # evidence highlighting
    ("troubleshoot.web.result_page.x_result_page_build__mutmut_*", 'if entry else "XXXX"',
     "an article that is not published: a body without sections gives no steps and no advice, like the empty one"),
    ("troubleshoot.web.result_page.x_result_page_build__mutmut_*", 'result.diagnostic_text or "XXXX"',
     "an empty error text becomes a text that quotes no evidence, like the empty one"),
    # .po import
    ("troubleshoot.articles.po.x_article_po_import__mutmut_*", "'XX, XX'.join",
     "French is the only translation language: a list of one has no separator"),
    ("troubleshoot.articles.po.x_article_po_import__mutmut_*", '(e.msgctxt or "XXXX")',
     "an entry without context names no article either way, and is refused as an unknown field"),
    ("troubleshoot.articles.po.x_article_po_import__mutmut_*", '(entry.msgctxt or "XXXX")', "as above"),
    ("troubleshoot.articles.po.x_article_po_import__mutmut_*", "entry.msgctxt.rpartition",
     "only contexts with one colon pass the check above"),
    ("troubleshoot.articles.po.x_article_po_import__mutmut_*", '_{SOURCE_LANGUAGE}") or "XXXX")',
     "an entry always has an English msgid (empty English is not exported): stale either way"),
    # edit-conflict guard
    ("troubleshoot.articles.admin.x\u01c1ArticleAdminForm\u01c1clean__mutmut_*", "if (self.instance.pk) or True",
     "a new article's stored fields are empty: keeping one is taking the (empty) value"),
    ("troubleshoot.articles.admin.x\u01c1ArticleAdminForm\u01c1clean__mutmut_*", "getattr(self.instance, name, )",
     "every name is a field of the model: the default is never used"),
    ("troubleshoot.articles.admin.x\u01c1ArticleAdminForm\u01c1clean__mutmut_*", '"XXtitleXX"',
     "titles are one-line inputs that Django already strips: normalising them changes nothing"),
    ("troubleshoot.articles.admin.x\u01c1ArticleAdminForm\u01c1clean__mutmut_*", '"TITLE"', "as above"),
    ("troubleshoot.articles.admin.x\u01c1SignatureWithArticleForm\u01c1clean__mutmut_*",
     "if self.instance.pk or opened_at is not None",
     "a new signature has no article row to lock: the query finds none and refuses nothing"),
    # signature matching
    ("troubleshoot.diagnosis.ruleset.x_options__mutmut_*", "",
     "tool: the RE2 options are built once into a module global before mutmut switches a mutant on"),
    ("troubleshoot.diagnosis.ruleset.x__options__mutmut_*", "", "tool: as above"),
    ("troubleshoot.diagnosis.ruleset.x__check_pattern__mutmut_*", "-could not be matched against itself",
     "unreachable (no cover): a pattern derived from an example always matches it"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", "e) from None",
     "unreachable (no cover): RE2 raises re2.error, never TypeError or ValueError, for a str pattern"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", 'else "ERROR"', "re2.error always carries its message"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", 'else "XXerrorXX"', "as above"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", "if (e.args) or True", "as above"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", 'msg.decode("UTF-8"', "codec names ignore case"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", 'msg.decode("utf-8", )',
     "RE2's messages are ASCII: the error handler is never used"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", "-% e) from None", "unreachable (no cover), as above"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", 'msg.decode("utf-8", "XXreplaceXX")',
     "RE2's messages are ASCII: the error handler is never used"),
    ("troubleshoot.diagnosis.ruleset.x__compile__mutmut_*", 'msg.decode("utf-8", "REPLACE")', "as above"),
    ("troubleshoot.diagnosis.ruleset.x_example_pattern__mutmut_*", '-optional_tail = ""',
     "None and \"\" both mean no tail below"),
    ("troubleshoot.diagnosis.ruleset.x_example_pattern__mutmut_*", "pos = None", "t[None:i] is t[0:i]"),
    ("troubleshoot.diagnosis.ruleset.x_example_pattern__mutmut_*", "if optional_tail or src",
     "src is empty only for an example with no words left, refused as too short whatever its tail"),
    ("troubleshoot.diagnosis.ruleset.x__escape__mutmut_*", "if (s) or True", '"" escapes to "" either way'),
    ("troubleshoot.diagnosis.ruleset.x__find_any__mutmut_*", "t.encode(",
     "the decoded bounce holds no lone surrogate and codec names ignore case: the same bytes"),
    ("troubleshoot.diagnosis.ruleset.x__find_any__mutmut_*", "b[sp[0][0]:sp[0][1]].decode(",
     "RE2 matches whole UTF-8 characters: the slice always decodes, whatever the handler or the codec's case"),
    ("troubleshoot.diagnosis.ruleset.x__find_any__mutmut_*", "if sp[0][1] >= 0",
     "without a match both ends are -1"),
    ("troubleshoot.diagnosis.ruleset.x__find_any__mutmut_*", 'return "XXXX"',
     "only a signature the set found is looked up: one of the texts always matches"),
    ("troubleshoot.diagnosis.ruleset.x_matching_texts__mutmut_*", '("\\n" in text) or True',
     "joining the lines of a one-line reply gives the line"),
    ("troubleshoot.diagnosis.ruleset.x_matching_text__mutmut_*", "",
     "matching_text, the one-string form for display, has no caller left"),
    ("troubleshoot.diagnosis.ruleset.x\u01c1RuleSet\u01c1__init____mutmut_*", "repr((s.spec, s.regex_source)).encode(",
     "repr() escapes lone surrogates and codec names ignore case: the same bytes are hashed"),
    ("troubleshoot.diagnosis.ruleset.x\u01c1RuleSet\u01c1article_for__mutmut_*", "if (self.general_articles) or True",
     "next(iter([]), None) is None too"),
    ("troubleshoot.diagnosis.ruleset.x\u01c1RuleSet\u01c1article_for__mutmut_*", "sorted(self.general_articles.values())), )",
     "under `if self.general_articles` the iterator is never empty"),
    ("troubleshoot.diagnosis.ruleset.x\u01c1RuleSet\u01c1match__mutmut_*", "rx = ",
     "the compiled-regex cache: without it the same regex is compiled again, same result"),
    ("troubleshoot.diagnosis.ruleset.x\u01c1RuleSet\u01c1match__mutmut_*", "self._regexes[idx] = None", "as above"),
]


def equivalent_reason(*, name: str, diff: str) -> str | None:
    added = "\n".join(line for line in diff.splitlines() if line.startswith("+"))
    removed = "\n".join(line for line in diff.splitlines() if line.startswith("-"))
    for pattern, change, reason in EQUIVALENT:
        found = change[1:] in removed if change.startswith("-") else change in added
        if fnmatch.fnmatchcase(name, pattern) and found:
            return reason
    return None


KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # failed tests, pytest internal error, timeouts, type check
SKIPPED = {34}


def workdir_prepare(*, workdir: Path, behaviour: Behaviour) -> None:
    """A fresh copy of the project whose [tool.mutmut] names only this behaviour's files and tests
    (mutmut copies it again into workdir/mutants and edits that)."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, workdir / name, ignore=ignore)
        else:
            shutil.copy2(source, workdir / name)
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    config["only_mutate"] = sorted({target.path for target in behaviour.targets})
    config["pytest_add_cli_args_test_selection"] = [path for path in behaviour.tests if (workdir / path).exists()]
    pyproject = workdir / "pyproject.toml"
    text = pyproject.read_text()
    # JSON arrays and strings are valid TOML; the section is replaced up to the next table.
    section = "[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in config.items())
    start = text.index("[tool.mutmut]")
    following = re.search(r"^\[", text[start + 1:], re.M)
    end = start + 1 + following.start() if following else len(text)
    pyproject.write_text(text[:start] + section + "\n" + text[end:])


def mutmut_run(*, workdir: Path, patterns: list[str], jobs: int, log) -> int:
    mutmut = Path(sys.executable).parent / "mutmut"
    command = [str(mutmut), "run", "--max-children", str(jobs), *patterns]
    log.write(f"\n$ {' '.join(command)}\n")
    log.flush()
    return subprocess.run(command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT).returncode


def mutant_results(*, workdir: Path, targets: tuple[Target, ...]) -> dict[str, int | None]:
    """Exit code of every mutant of `targets` (None: not run), from mutmut's own records."""
    results: dict[str, int | None] = {}
    for target in targets:
        meta = workdir / "mutants" / (target.path + ".meta")
        if not meta.exists():
            continue
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        for name, code in codes.items():
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in target.patterns()):
                results[name] = code
    return results


def mutant_diff(*, workdir: Path, name: str) -> str:
    mutmut = Path(sys.executable).parent / "mutmut"
    shown = subprocess.run([str(mutmut), "show", name], cwd=workdir, capture_output=True, text=True)
    return "\n".join(line for line in shown.stdout.splitlines() if line.startswith(("-", "+")) and
                     not line.startswith(("---", "+++")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated behaviours (default: all): " + ", ".join(BEHAVIOURS))
    parser.add_argument("--min", type=float, default=90.0, help="lowest score (%%) each behaviour must reach")
    parser.add_argument("--jobs", type=int, default=2, help="processes mutmut may use (default 2)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/troubleshoot-mutation"))
    parser.add_argument("--diffs", action="store_true", help="show each survivor's change")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()] or list(BEHAVIOURS)
    unknown = [name for name in chosen if name not in BEHAVIOURS]
    if unknown:
        parser.error(f"unknown behaviour(s) {unknown}; choose from {list(BEHAVIOURS)}")

    failed = []
    for behaviour in chosen:
        workdir = args.workdir / behaviour.replace(" ", "-")
        targets = BEHAVIOURS[behaviour].targets
        started = time.monotonic()
        workdir_prepare(workdir=workdir, behaviour=BEHAVIOURS[behaviour])
        log_path = workdir / "mutmut.log"
        with open(log_path, "w") as log:
            code = mutmut_run(workdir=workdir, patterns=[p for t in targets for p in t.patterns()],
                              jobs=args.jobs, log=log)
            results = mutant_results(workdir=workdir, targets=targets)
            tested = {name: c for name, c in results.items() if c not in SKIPPED}
            killed = sorted(name for name, c in tested.items() if c in KILLED)
            survivors = sorted(name for name in tested if name not in killed)
            diffs = {name: mutant_diff(workdir=workdir, name=name) for name in survivors}
            reasons = {name: equivalent_reason(name=name, diff=diffs[name]) for name in survivors}
            equivalent = [name for name in survivors if reasons[name]]
            survivors = [name for name in survivors if name not in equivalent]
            counted = len(tested) - len(equivalent)
            score = 100.0 * len(killed) / counted if counted else 0.0
            ok = code == 0 and counted > 0 and score >= args.min
            print(f"{behaviour:24} {score:5.1f}%  {len(killed)}/{counted} killed, {len(equivalent)} equivalent"
                  f"  ({time.monotonic() - started:.0f} s){'' if ok else '  FAIL'}", flush=True)
            if code != 0:
                print(f"    mutmut exited {code}: see {log_path}")
            for name in survivors:
                status = "not run" if tested[name] is None else "no tests" if tested[name] in (5, 33) else "survived"
                print(f"    {status}: {name}")
                if args.diffs:
                    for line in diffs[name].splitlines():
                        print(f"        {line}")
            for name in equivalent:
                print(f"    equivalent: {name}: {reasons[name]}")
            if not ok:
                failed.append(behaviour)
    if failed:
        print(f"FAIL: under {args.min:g}% (or not run): {', '.join(failed)}")
        return 1
    print(f"PASS: every behaviour at or above {args.min:g}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
