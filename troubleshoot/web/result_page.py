"""What a result page shows, built from a diagnosis: one plain function, no request, no HTTP.

Here in `web` rather than `articles` because it speaks the page's language: the status code's
plain words (web/forms.py) and the address of the "Checked just now" panel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from troubleshoot.articles.live_checks import check_targets_for
from troubleshoot.articles.rendering import first_steps, resend_advice
from troubleshoot.articles.services import DiagnosisAnswer, articles_search
from troubleshoot.search.services import MAX_QUERY_CHARS

from .forms import status_meaning

MAX_PASTE_SHOWN = 20_000
CLOSEST_SHOWN = 5
# Where to look when nothing matched: the most common reasons first.
COMMON_CATEGORIES = ("userunknown", "mailboxfull", "blocked", "spamdetected", "rejected", "authfailure", "expired")


@dataclass(frozen=True)
class ResultPage:
    results: list[dict]  # one per failed recipient: "data" (the diagnosis), "article", "quoted", ...
    recognised: bool  # at least one result was matched by a rule or a signature
    closest: list  # articles whose words are closest to an unrecognised paste
    paste: str  # the bounce as the sender wrote it, cut to MAX_PASTE_SHOWN characters
    evidence: list[str]  # the words highlighted in the paste: only those quoting it


def general_articles_list(*, snapshot, lang: str, limit: int = 6) -> list:
    """The general articles of the most common reasons, in `lang`."""
    general = snapshot.general_articles
    return [snapshot.articles[general[key]].localized(lang) for key in COMMON_CATEGORIES if key in general][:limit]


def evidence_quoted(*, evidence: list[str], diagnostic: str, paste: str) -> list[str]:
    """The evidence a sender can find in their own bounce (case and whitespace aside); rule names
    and other staff wording stay out of the page."""
    diagnostic_words = " ".join(diagnostic.lower().split())
    paste_words = " ".join(paste.lower().split())
    return [text for text in evidence
            if (words := " ".join(text.lower().split())) in diagnostic_words or words in paste_words]


def _checks_params(result, targets) -> list[tuple[str, str]]:
    """What the result's "Checked just now" panel checks, as query parameters (none: no panel)."""
    params = [(k, v) for k, v in (("ip", targets.ip), ("domain", targets.domain),
                                  ("recipient_domain", targets.recipient_domain)) if v]
    if params and targets.topics:
        params.append(("topics", ",".join(sorted(targets.topics))))
    if params:
        params.append(("category", result.category))  # so that the panel can say what the checks explain
    return params


def result_page_build(*, answer: DiagnosisAnswer, lang: str, votes: Mapping[str, str]) -> ResultPage:
    """The data of the result page for `answer`, in `lang`; `votes` is this visitor's votes
    ("<lang>:<slug>" → "yes", "no", "no+comment")."""
    snapshot = answer.snapshot
    paste = answer.text
    results = []
    recognised = False
    for result in answer.results:
        entry = snapshot.articles.get(result.article)  # None: the article is not published
        body = entry.body(lang) if entry else ""
        data = result.to_dict()
        targets = check_targets_for(result=result, sender=answer.sender)
        checks_params = _checks_params(result, targets)
        results.append({
            "data": data,
            "article": entry.localized(lang) if entry else None,
            "alternatives": [
                {**alt, "entry": snapshot.articles[alt["article"]].localized(lang)}
                for alt in data["alternatives"]
                if alt["article"] in snapshot.articles
            ],
            # Evidence is shown to senders only where it quotes their own bounce.
            "quoted": evidence_quoted(evidence=data["evidence"], diagnostic=result.diagnostic_text or "", paste=paste),
            "status_meaning": status_meaning(result.status),
            # what a sender reads first: the article's first steps and its resend verdict
            "first_steps": first_steps(body),
            "resend": resend_advice(body),
            "voted": votes.get(f"{lang}:{result.article}") if entry else None,
            "sending_ip": targets.ip,
            "checks_params": checks_params,
            "checks_url": f"{reverse('web:checks')}?{urlencode(checks_params)}" if checks_params else "",
        })
        recognised = recognised or result.matched_by != "none"
    closest = []
    if not recognised and not answer.nothing_to_fix:
        # Nothing recognised: offer the articles whose words are closest to the paste.
        closest = [
            snapshot.articles[hit.slug].localized(lang)
            for hit in articles_search(query=paste[:MAX_QUERY_CHARS], lang=lang, limit=CLOSEST_SHOWN)
            if hit.slug in snapshot.articles
        ] or general_articles_list(snapshot=snapshot, lang=lang)
    return ResultPage(
        results=results,
        recognised=recognised,
        closest=closest,
        paste=paste[:MAX_PASTE_SHOWN],
        evidence=[text for item in results for text in item["quoted"]],
    )
