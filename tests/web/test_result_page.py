"""The data of a result page (troubleshoot/web/result_page.py), built without a request: what a
sender reads first, the words highlighted in their paste, the articles offered when nothing fits."""

from __future__ import annotations

import pytest
from django.utils import translation

from troubleshoot.articles.services import bounce_diagnose_published
from troubleshoot.web.result_page import MAX_PASTE_SHOWN, evidence_quoted, result_page_build

pytestmark = pytest.mark.django_db

BADMAILFROM = "553 sorry, your envelope sender is in my badmailfrom list."
RBL = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"
NOT_A_REASON = "Hello, here are the minutes of Tuesday's meeting about the garden party and the cakes."


def page_for(text: str, *, lang: str = "en", votes=None):
    with translation.override(lang):
        answer = bounce_diagnose_published(text=text)
        return answer, result_page_build(answer=answer, lang=lang, votes=votes or {})


def test_only_the_words_of_the_senders_own_bounce_are_highlighted():
    _answer, page = page_for(BADMAILFROM)
    (item,) = page.results
    # the rule's name ("signature: ...") and the code's label are staff wording, not the bounce's
    assert any(text.startswith("signature:") for text in item["data"]["evidence"])
    assert item["quoted"] == ["your envelope sender is in my badmailfrom list"]
    assert page.evidence == ["your envelope sender is in my badmailfrom list"]


def test_evidence_is_found_in_the_paste_whatever_its_case_and_line_breaks():
    paste = "550 5.1.1 <jdoe@example.com>:\n    Recipient address rejected:\n  USER UNKNOWN in local table"
    quoted = evidence_quoted(evidence=["user unknown in local table", "status 5.1.1", "recipient address rejected"],
                             diagnostic="", paste=paste)
    assert quoted == ["user unknown in local table", "recipient address rejected"]


def test_evidence_quoting_only_the_error_text_read_is_highlighted_too():
    quoted = evidence_quoted(evidence=["mailbox full", "rule: quota"], diagnostic="452 4.2.2 Mailbox FULL", paste="")
    assert quoted == ["mailbox full"]


def test_the_article_and_its_first_steps_are_in_the_visitors_language():
    _answer, english = page_for(BADMAILFROM, lang="en")
    _answer, french = page_for(BADMAILFROM, lang="fr")
    en_item, fr_item = english.results[0], french.results[0]
    assert en_item["article"].slug == fr_item["article"].slug == "sender-blocked"
    assert en_item["article"].title != fr_item["article"].title
    assert en_item["first_steps"] and fr_item["first_steps"]
    assert en_item["first_steps"] != fr_item["first_steps"]
    assert en_item["resend"] != fr_item["resend"]


def test_a_recognised_bounce_offers_no_closest_articles():
    _answer, page = page_for(BADMAILFROM)
    assert page.recognised is True
    assert page.closest == []


def test_an_unrecognised_paste_offers_the_articles_closest_to_its_words_in_the_visitors_language():
    _answer, english = page_for(NOT_A_REASON, lang="en")
    _answer, french = page_for(NOT_A_REASON, lang="fr")
    assert english.recognised is False and french.recognised is False
    assert english.closest and french.closest
    assert english.closest[0].slug == french.closest[0].slug
    assert english.closest[0].title != french.closest[0].title
    assert len(english.closest) <= 5


def test_words_no_article_has_offer_the_most_common_reasons_general_articles():
    answer, page = page_for("Qwzxv blorptangle frimbazzle")
    snapshot = answer.snapshot
    expected = [snapshot.general_articles[key] for key in
                ("userunknown", "mailboxfull", "blocked", "spamdetected", "rejected", "authfailure")
                if key in snapshot.general_articles]
    assert page.recognised is False
    assert [a.slug for a in page.closest] == expected and len(expected) >= 4


def test_an_auto_reply_offers_no_article_to_look_for():
    answer, page = page_for("From: Jane Doe <jane@example.org>\nTo: sender@example.com\nSubject: Automatic reply\n"
                            "Auto-Submitted: auto-replied\n\nI am out of the office until 4 January.\n")
    assert answer.nothing_to_fix, answer.not_a_bounce
    assert page.recognised is False and page.closest == [] and page.results == []


def test_the_visitors_own_vote_in_this_language_is_shown_and_not_the_other_languages():
    votes = {"fr:sender-blocked": "yes", "en:sender-blocked": "no+comment"}
    _answer, french = page_for(BADMAILFROM, lang="fr", votes=votes)
    _answer, english = page_for(BADMAILFROM, lang="en", votes=votes)
    _answer, nobody = page_for(BADMAILFROM, lang="en")
    assert french.results[0]["voted"] == "yes"
    assert english.results[0]["voted"] == "no+comment"
    assert nobody.results[0]["voted"] is None


def test_a_refusal_naming_the_sending_ip_gets_a_live_checks_panel_for_it():
    _answer, page = page_for(RBL)
    (item,) = page.results
    assert item["sending_ip"] == "192.0.2.1"
    assert ("ip", "192.0.2.1") in item["checks_params"]
    assert item["checks_params"][-1] == ("category", item["data"]["category"])
    assert item["checks_url"].startswith("/en/checks/?ip=192.0.2.1&")
    assert item["checks_url"].endswith(f"category={item['data']['category']}")


def test_a_refusal_naming_nothing_to_check_gets_no_panel():
    _answer, page = page_for("552 5.2.2 Mailbox full")
    (item,) = page.results
    assert item["checks_params"] == [] and item["checks_url"] == ""


def test_the_status_code_is_explained_in_plain_words():
    _answer, english = page_for(RBL, lang="en")
    _answer, french = page_for(RBL, lang="fr")
    assert english.results[0]["status_meaning"].startswith("permanent failure")
    assert french.results[0]["status_meaning"] != english.results[0]["status_meaning"]


def test_a_huge_paste_is_shown_back_cut_to_its_first_characters():
    text = BADMAILFROM + "\n" + "x" * (MAX_PASTE_SHOWN * 2)
    _answer, page = page_for(text)
    assert len(page.paste) == MAX_PASTE_SHOWN
    assert page.paste.startswith(BADMAILFROM)


def test_an_unsure_answer_lists_the_other_explanations_in_the_visitors_language():
    from troubleshoot.articles.models import Article

    _answer, page = page_for("421 try later", lang="fr")
    (item,) = page.results
    assert item["data"]["low_confidence"] is True
    alternatives = item["alternatives"]
    assert [alt["entry"].slug for alt in alternatives] == [alt["article"] for alt in alternatives]
    assert alternatives[0]["entry"].slug == "rate-limited"
    assert alternatives[0]["entry"].title == Article.objects.get(slug="rate-limited").title_fr


def test_a_result_whose_article_is_not_published_shows_no_article_steps_or_vote():
    from troubleshoot.articles.services import DiagnosisAnswer
    from troubleshoot.articles.snapshot import content_snapshot_get
    from troubleshoot.diagnosis import bounce_diagnose, ruleset_compile

    rules = ruleset_compile(signatures=[], general_articles={"userunknown": "withdrawn-article"})
    diagnosis = bounce_diagnose(text="550 5.1.1 <ann@example.com>: user unknown", ruleset=rules)
    answer = DiagnosisAnswer(results=list(diagnosis.results), snapshot=content_snapshot_get(), text="550 5.1.1")
    page = result_page_build(answer=answer, lang="en", votes={"en:withdrawn-article": "yes"})
    (item,) = page.results
    assert item["data"]["article"] == "withdrawn-article"
    assert (item["article"], item["first_steps"], item["resend"], item["voted"]) == (None, [], "", None)


def test_the_senders_own_domain_is_checked_when_the_report_names_the_sender():
    report = ("From: MAILER-DAEMON@mx.example.org\nTo: jane@sender.example\nSubject: Undelivered Mail Returned to Sender\n"
              "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
              "--b\nContent-Type: text/plain\n\nYour message to ann@example.com was refused.\n\n"
              "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
              "Final-Recipient: rfc822; ann@example.com\nAction: failed\nStatus: 5.7.26\n"
              "Diagnostic-Code: smtp; 550 5.7.26 Unauthenticated email is not accepted: DMARC policy\n--b--\n")
    answer, page = page_for(report)
    assert answer.sender == "jane@sender.example"
    (item,) = page.results
    assert ("domain", "sender.example") in item["checks_params"]
    assert ("recipient_domain", "example.com") in item["checks_params"]


def test_the_closest_articles_are_searched_in_the_visitors_language():
    from troubleshoot.articles.services import articles_search

    _answer, page = page_for(NOT_A_REASON, lang="fr")
    french = [hit.slug for hit in articles_search(query=NOT_A_REASON, lang="fr", limit=5)]
    english = [hit.slug for hit in articles_search(query=NOT_A_REASON, lang="en", limit=5)]
    assert french != english  # else this paste cannot tell the languages apart
    assert [article.slug for article in page.closest] == french


def test_the_common_reasons_offered_instead_are_in_the_visitors_language():
    from troubleshoot.articles.models import Article

    _answer, page = page_for("Qwzxv blorptangle frimbazzle", lang="fr")
    assert page.closest
    assert [a.title for a in page.closest] == [Article.objects.get(slug=a.slug).title_fr for a in page.closest]


def test_evidence_read_across_the_lines_of_a_multi_line_reply_is_still_quoted():
    # the paste breaks "over quota" across two reply lines; the error text read joins them
    answer, page = page_for("452-4.2.2 The email account that you tried to reach is over\n"
                            "452-4.2.2 quota and inactive")
    (item,) = page.results
    assert "over quota" not in " ".join(answer.text.split())
    assert item["quoted"] == ["over quota"]
