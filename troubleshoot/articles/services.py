"""Diagnosis and search over the published snapshot: what the site, the API and the CLI call."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from troubleshoot.diagnosis import NotABounce, bounce_diagnose, bounce_text_for_display

from .insight import insight_count
from .missed import missed_query_record
from .models import DailyCount, MissedQuery
from .snapshot import ContentSnapshot, content_snapshot_get


# What we tell a sender whose text we cannot read (troubleshoot.diagnosis.BounceInputError codes),
# on the site, in the API and in the CLI alike.
INPUT_ERROR_MESSAGES = {
    "empty": _("Paste the text of the bounce you received, or upload it as an .eml file."),
    "too_large": _(
        "This is more than the size we can read. Paste only the error message or the delivery "
        "report, without attachments."
    ),
    "binary": _("This looks like binary data, not the text of a bounce. Paste the text, or upload the .eml file."),
    "unreadable": _("We could not read this text. Paste the error message as plain text."),
}



# What we tell a sender whose text is not a bounce (troubleshoot.diagnosis.kinds), in the site,
# the API and the CLI alike.
NOT_A_BOUNCE_MESSAGES = {
    NotABounce.AUTO_REPLY: _(
        "This is an automatic reply (an out-of-office message, for example), not a bounce: your message "
        "was delivered, and there is nothing to fix."
    ),
    NotABounce.RECEIPT: _(
        "This is a delivery or read receipt, not a bounce: it confirms that your message arrived, and there "
        "is nothing to fix."
    ),
    NotABounce.ORDINARY: _(
        "This looks like an ordinary message, not a bounce: nothing in it reports a failed delivery. Paste "
        "the non-delivery report itself, the message sent by “Mail Delivery System”, “MAILER-DAEMON” or "
        "“postmaster”."
    ),
    NotABounce.NO_BOUNCE_TEXT: _(
        "Nothing in this text reports a failed delivery. Paste the error text of the bounce (the lines with "
        "codes such as 550 5.1.1) or the whole report; to look for an article, use the search."
    ),
}


@dataclass(frozen=True)
class DiagnosisAnswer:
    """A diagnosis with the snapshot it was made against, and the bounce as the sender wrote it."""

    results: list
    snapshot: ContentSnapshot
    text: str  # the input decoded once, in its own charset, for showing it back
    not_a_bounce: str | None = None  # why there are no results (NotABounce)
    replaced_characters: int = 0  # undecodable characters, shown as U+FFFD
    unrecorded: bool = False  # we meant to keep it for staff, but the database was unreachable
    sender: str | None = None  # the original's sender, when the report names it

    @property
    def not_a_bounce_message(self) -> str | None:
        return NOT_A_BOUNCE_MESSAGES.get(self.not_a_bounce) if self.not_a_bounce else None

    @property
    def nothing_to_fix(self) -> bool:
        """An auto-reply or a receipt: the message arrived, there is no article to look for."""
        return self.not_a_bounce in (NotABounce.AUTO_REPLY, NotABounce.RECEIPT)

    def to_dict(self, *, lang: str) -> dict:
        results = []
        for result in self.results:
            item = result.to_dict()
            entry = self.snapshot.articles.get(item["article"])
            item["title"] = entry.title(lang) if entry else None
            results.append(item)
        out: dict = {"results": results}
        if self.not_a_bounce:
            out["not_a_bounce"] = self.not_a_bounce
            out["message"] = str(self.not_a_bounce_message)
        if self.replaced_characters:
            out["replaced_characters"] = self.replaced_characters
        return out


def bounce_diagnose_published(
    *, text: str | bytes, language: str | None = None, explain: bool = False
) -> DiagnosisAnswer:
    """Diagnose a bounce against the published rules; raises BounceInputError on bad input.

    With `language` (a visitor's request), a bounce we could not answer well is kept for staff.
    With `explain`, every result lists each rule that fired (see troubleshoot.diagnosis).
    """
    snapshot = content_snapshot_get()
    diagnosis = bounce_diagnose(text=text, ruleset=snapshot.ruleset, explain=explain)
    results = list(diagnosis.results)
    shown = bounce_text_for_display(text)
    answer = DiagnosisAnswer(results=results, snapshot=snapshot, text=shown, not_a_bounce=diagnosis.not_a_bounce,
                             replaced_characters=diagnosis.replaced_characters, sender=diagnosis.sender)
    # an auto-reply or a receipt was read right: nothing for staff to look at
    if language is not None and not answer.nothing_to_fix:
        weakest = min((r.confidence for r in results), default=0.0)
        unsure = not results or any(r.low_confidence or r.matched_by == "none" for r in results)
        insight_paste_count(results=results, language=language)
        if unsure or weakest < settings.MISSED_QUERY_CONFIDENCE:
            kept = missed_query_record(kind=MissedQuery.Kind.PASTE, text=shown, language=language, confidence=weakest)
            if not kept:
                answer = replace(answer, unrecorded=True)
    return answer


def insight_paste_count(*, results: list, language: str) -> None:
    """One bounce read, counted by its first recipient's answer; unsure and unmatched ones too."""
    first = results[0] if results else None
    insight_count(kind=DailyCount.Kind.PASTE, language=language,
                  category=first.category if first else "", article=(first.article or "") if first else "")
    if first is None or any(r.matched_by == "none" for r in results):
        insight_count(kind=DailyCount.Kind.UNMATCHED, language=language)
    elif any(r.low_confidence or r.confidence < settings.MISSED_QUERY_CONFIDENCE for r in results):
        insight_count(kind=DailyCount.Kind.LOW_CONFIDENCE, language=language)


def articles_search(*, query: str, lang: str, limit: int = 10) -> list:
    """Published articles matching `query` in `lang`, best first (see troubleshoot.search)."""
    return content_snapshot_get().search_index.search(query=query, lang=lang, limit=limit)
