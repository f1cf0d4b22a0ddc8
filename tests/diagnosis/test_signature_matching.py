"""Staff signatures (troubleshoot/diagnosis/ruleset.py): what staff are told when one cannot be
used, where a signature is found in a bounce, the words it quotes as evidence, and which article
a ruleset falls back to."""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import PatternError, SignatureSpec, bounce_diagnose, pattern_validate, ruleset_compile
from troubleshoot.diagnosis.ruleset import example_pattern, matching_texts

GENERAL = {"mailboxfull": "mailbox-full", "userunknown": "user-unknown", "onhold": "unknown-reason"}


def refusal(*, pattern: str, example: str) -> PatternError:
    with pytest.raises(PatternError) as refused:
        pattern_validate(pattern=pattern, example=example)
    return refused.value


@pytest.mark.parametrize("pattern, example, code, message", [
    ("(unclosed", "anything", "syntax", "The pattern is not valid RE2 syntax: missing ): (unclosed."),
    ("x" * 2001, "x" * 2001, "too_long",
     "The pattern is longer than 2000 characters: keep only the distinctive words of the bounce."),
    ("mailbox\nfull", "550 mailbox full", "syntax",
     "The pattern must be on one line (whitespace is collapsed before matching)."),
    ("a?", "550 whatever", "too_broad",
     "The pattern matches empty or ordinary text: make it match only the words of this bounce."),
    ("^$", "", "too_broad",
     "The pattern matches empty or ordinary text: make it match only the words of this bounce."),
    ("quick brown", "the quick brown fox", "too_broad",
     "The pattern matches empty or ordinary text: make it match only the words of this bounce."),
    ("mailbox full", "550 user unknown", "no_match_example",
     "The pattern does not match its own example bounce text: adjust one or the other."),
    ("", "  ", "empty", "Give the bounce text (or a pattern): a signature needs one of them."),
    ("", "550 5.1.1 <ip>", "too_broad",
     "Once its reply code and placeholders are removed, the example text is too short to recognise a bounce: "
     "give more of the text or a pattern."),
    ("", "550 <ip> abc", "too_broad",
     "Once its reply code and placeholders are removed, the example text is too short to recognise a bounce: "
     "give more of the text or a pattern."),
    ("", "the quick brown fox jumps", "too_broad", "The example text is too common to recognise a bounce."),
])
def test_staff_are_told_why_a_signature_cannot_be_used(pattern, example, code, message):
    refused = refusal(pattern=pattern, example=example)
    assert (refused.code, refused.detail) == (code, message)


def test_an_example_of_four_letters_besides_codes_and_placeholders_is_enough():
    pattern_validate(pattern="", example="550 <ip> full")


def test_an_explicit_pattern_is_used_as_written():
    rules = ruleset_compile(signatures=[SignatureSpec(article="quota", category="mailboxfull", text="",
                                                      pattern=r"quota (exceeded|full)")], general_articles=GENERAL)
    (signature,) = rules.signatures
    assert (signature.regex_source, signature.derived) == (r"quota (exceeded|full)", False)


def test_a_pattern_of_exactly_the_longest_length_is_accepted():
    pattern = "mailbox full " + "x" * 1987
    assert len(pattern) == 2000
    pattern_validate(pattern=pattern, example="")


def test_a_bad_signature_among_many_is_named_by_its_number_and_article():
    signatures = [SignatureSpec(article="fine", category="mailboxfull", text="552 mailbox is over quota"),
                  SignatureSpec(article="broken", category="mailboxfull", text="", pattern="(oops")]
    with pytest.raises(PatternError) as refused:
        ruleset_compile(signatures=signatures, general_articles=GENERAL)
    assert refused.value.index == 1
    assert str(refused.value) == "signature #1 (broken): The pattern is not valid RE2 syntax: missing ): (oops."
    rules = ruleset_compile(signatures=signatures, general_articles=GENERAL, skip_invalid=True)
    assert [s.spec.article for s in rules.signatures] == ["fine"]
    assert [str(e) for e in rules.skipped] == [str(refused.value)]


def test_every_bad_signature_is_skipped_and_the_good_ones_after_it_kept():
    signatures = [SignatureSpec(article="bad-1", category="nope", text="some bounce text"),
                  SignatureSpec(article="bad-2", category="mailboxfull", text="", pattern=""),
                  SignatureSpec(article="good", category="mailboxfull", text="552 mailbox is over quota")]
    rules = ruleset_compile(signatures=signatures, general_articles=GENERAL, skip_invalid=True)
    assert [s.spec.article for s in rules.signatures] == ["good"]
    assert [s.index for s in rules.signatures] == [0]
    assert [e.index for e in rules.skipped] == [0, 1]
    assert rules.skipped[0].detail == "Unknown category 'nope'."


def test_a_signature_from_a_multi_line_reply_matches_the_reply_joined():
    rules = ruleset_compile(signatures=[SignatureSpec(article="quota", category="mailboxfull",
                                                      text="", pattern="mailbox is full")], general_articles=GENERAL)
    reply = "452-4.2.2 The recipient's mailbox is\n452-4.2.2 full, try again later"
    assert matching_texts(reply)[0] == "452-4.2.2 The recipient's mailbox is full, try again later"
    (result,) = bounce_diagnose(text=reply, ruleset=rules).results
    assert (result.article, result.matched_by) == ("quota", "signature")


def test_a_pattern_anchored_at_the_words_matches_a_reply_with_its_codes_in_front():
    texts = matching_texts("550 5.2.2 Mailbox full")
    assert texts == ("550 5.2.2 Mailbox full", "Mailbox full")
    assert matching_texts("Mailbox full") == ("Mailbox full",)
    rules = ruleset_compile(signatures=[SignatureSpec(article="quota", category="mailboxfull", text="",
                                                      pattern="^mailbox full$")], general_articles=GENERAL)
    ((signature, quoted),) = rules.match(texts)
    assert (signature.spec.article, quoted) == ("quota", "Mailbox full")


@pytest.mark.parametrize("text, quoted", [
    ("Boîte pleine, réessayez plus tard", "Boîte pleine, réessayez"),  # at the start, accented
    ("Erreur 550 : boîte pleine, réessayez", "boîte pleine, réessayez"),
])
def test_the_evidence_quotes_the_very_words_of_the_bounce(text, quoted):
    rules = ruleset_compile(signatures=[SignatureSpec(article="plein", category="mailboxfull",
                                                      text="550 5.2.2 Boîte pleine, réessayez")], general_articles=GENERAL)
    ((_signature, found),) = rules.match(text)
    assert found == quoted


def test_patterns_ignore_case():
    rules = ruleset_compile(signatures=[SignatureSpec(article="quota", category="mailboxfull", text="",
                                                      pattern="MAILBOX FULL")], general_articles=GENERAL)
    assert [s.spec.article for s, _ in rules.match("550 mailbox full")] == ["quota"]


def test_a_paste_matching_very_many_signatures_keeps_the_first_fifty_in_order():
    signatures = [SignatureSpec(article=f"a{i:03d}", category="mailboxfull", text="", pattern=f"mailbox full|zz{i}q")
                  for i in range(60)]
    rules = ruleset_compile(signatures=signatures, general_articles=GENERAL)
    found = [s.spec.article for s, _ in rules.match("550 mailbox full")]
    assert found == [f"a{i:03d}" for i in range(50)]
    assert rules.match("") == [] and rules.match(()) == []
    assert ruleset_compile(signatures=[], general_articles=GENERAL).match("550 mailbox full") == []


def test_matching_twice_gives_the_same_evidence():
    rules = ruleset_compile(signatures=[SignatureSpec(article="quota", category="mailboxfull", text="",
                                                      pattern="mailbox (is )?full")], general_articles=GENERAL)
    assert rules.match("550 mailbox is full") == rules.match("550 mailbox is full")
    assert rules.match("550 mailbox full")[0][1] == "mailbox full"


@pytest.mark.parametrize("example, matches, misses", [
    # leading codes in any of the forms MTAs write them, several in a row
    ("550-5.1.1 #5.1.1 - The email account that you tried to reach does not exist",
     "The email account that you tried to reach does not exist", "The email account that you tried"),
    # a placeholder stands for anything, several in a row for one gap
    ("550 <ip> <host> is listed on our block list", "550 203.0.113.9 mx.example.net is listed on our block list",
     "is on our list"),
    # the trailing status is optional, the final dot too
    ("Mailbox quota exceeded (#5.2.2).", "mailbox quota exceeded", "mailbox quota"),
    ("mailbox  quota   exceeded", "mailbox quota exceeded", "mailboxquota"),
])
def test_an_example_text_becomes_a_pattern_that_finds_the_same_bounce_worded_alike(example, matches, misses):
    rules = ruleset_compile(signatures=[SignatureSpec(article="it", category="mailboxfull", text=example)],
                            general_articles=GENERAL)
    assert [s.spec.article for s, _ in rules.match(matching_texts(matches))] == ["it"]
    assert rules.match(matching_texts(misses)) == []


def test_an_example_counts_only_its_own_words_towards_being_specific():
    source, literal = example_pattern("550 5.1.1 <ip> said: mailbox unavailable. (#5.1.1)")
    assert literal == len("said: mailbox unavailable")
    assert not source.startswith(".") and ".{0,255}?" not in source
    # placeholders side by side are one gap; at either end, none (the search is unanchored)
    source, literal = example_pattern("Mailbox unavailable <ip><host> for <user@example.com>today")
    assert source == r"Mailbox\s*unavailable\s*.{0,255}?\s*for\s*.{0,255}?today"
    assert literal == len("Mailbox unavailable") + len("for") + len("today")
    assert example_pattern("<ip><host> Mailbox unavailable <host>") == (r"\s*Mailbox\s*unavailable\s*", 19)


def test_a_longer_signature_is_surer_than_a_shorter_one_that_matches_too():
    signatures = [SignatureSpec(article="short", category="mailboxfull", text="", pattern="quota exceeded"),
                  SignatureSpec(article="long", category="mailboxfull", text="",
                                pattern="mailbox (quota|storage) exceeded for this user")]
    rules = ruleset_compile(signatures=signatures, general_articles=GENERAL)
    assert [s.weight for s in rules.signatures] == [len("quota exceeded"), len("mailbox quotastorage exceeded for this user")]
    (result,) = bounce_diagnose(text="552 mailbox quota exceeded for this user", ruleset=rules).results
    assert result.article == "long"


def test_codes_given_with_a_signature_are_kept_in_their_short_form():
    rules = ruleset_compile(signatures=[
        SignatureSpec(article="a", category="mailboxfull", text="552 mailbox is over quota", reply_code=" 5521 ",
                      status="#5.2.2"),
        SignatureSpec(article="b", category="mailboxfull", text="452 mailbox is over its quota")],
        general_articles=GENERAL)
    first, second = rules.signatures
    assert (first.reply_code, first.status, first.derived) == ("552", "5.2.2", True)
    assert (second.reply_code, second.status) == (None, None)
    assert [s.index for s in rules.signatures] == [0, 1]


def test_the_article_of_a_category_falls_back_to_on_hold_then_undefined_then_any():
    assert ruleset_compile(signatures=[], general_articles=GENERAL).article_for("spamdetected") == "unknown-reason"
    undefined_only = ruleset_compile(signatures=[], general_articles={"undefined": "zz-no-idea", "userunknown": "aa"})
    assert undefined_only.article_for("spamdetected") == "zz-no-idea"
    neither = ruleset_compile(signatures=[], general_articles={"userunknown": "zz-user", "mailboxfull": "aa-full"})
    assert neither.article_for("spamdetected") == "aa-full"
    assert ruleset_compile(signatures=[], general_articles={}).article_for("spamdetected") is None
    # a category listed without an article is left out
    assert ruleset_compile(signatures=[], general_articles={"mailboxfull": "", "onhold": "hold"}
                           ).article_for("mailboxfull") == "hold"


def test_each_article_knows_its_category_the_general_one_first():
    rules = ruleset_compile(signatures=[
        SignatureSpec(article="mailbox-full", category="userunknown", text="550 no such user here at all"),
        SignatureSpec(article="provider-quota", category="mailboxfull", text="552 provider quota exceeded")],
        general_articles=GENERAL)
    assert rules.category_of("mailbox-full") == "mailboxfull"
    assert rules.category_of("provider-quota") == "mailboxfull"
    assert rules.category_of("user-unknown") == "userunknown"
    assert rules.category_of("nowhere") is None
    assert rules.articles == {"mailbox-full", "provider-quota", "user-unknown", "unknown-reason"}


def test_the_fingerprint_changes_with_any_signature_or_general_article_and_only_then():
    def fingerprint(text="552 mailbox is over quota", general=GENERAL):
        return ruleset_compile(signatures=[SignatureSpec(article="a", category="mailboxfull", text=text)],
                               general_articles=general).fingerprint

    assert fingerprint() == fingerprint()
    assert len(fingerprint()) == 16
    assert fingerprint(text="552 mailbox is over its quota") != fingerprint()
    assert fingerprint(general={**GENERAL, "onhold": "other"}) != fingerprint()
    assert repr(ruleset_compile(signatures=[], general_articles=GENERAL)) == (
        f"<RuleSet 0 signatures, 3 articles, {ruleset_compile(signatures=[], general_articles=GENERAL).fingerprint}>")
