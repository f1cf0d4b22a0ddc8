"""What a sender sees, in Chromium at 1280×800 and 360×740, in English and in French (issue #9).

Each test is named after what the sender notices. The `page` fixture (conftest.py) gives both
widths and fails a test when any request leaves the site; the tests here are parametrised over
the language. Points of #9 already covered elsewhere: test_answer_first.py, test_journeys.py.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from urllib.parse import quote_plus, unquote

import pytest

from tests.browser.conftest import ROOT, VIEWPORTS, guarded_context, gunicorn_served

pytestmark = pytest.mark.browser

LANGS = ["en", "fr"]
OTHER = {"en": "fr", "fr": "en"}

# A Postfix refusal that names two addresses: the recipient's server (192.0.2.10) and, in the
# refusal itself, the sender's (198.51.100.23). Postfix smtp(8) writes "host X[ip] said: …".
SENDER_IP = "198.51.100.23"
REFUSING_IP = "192.0.2.10"
REFUSING_HOST = "mx1.example.net"
BLOCKED = (
    f"<ann@example.net>: host {REFUSING_HOST}[{REFUSING_IP}] said: 554 5.7.1 Service unavailable; "
    f"Client host [{SENDER_IP}] blocked using zen.spamhaus.org (in reply to RCPT TO command)"
)
MAILBOX_FULL = "552 5.2.2 <bob@example.com>: Recipient address rejected: mailbox full"
# Longer than SHORT_PASTE_CHARS (1500): stored, redacted, under /<lang>/result/<token>/.
LONG_REPORT = (
    "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\n\n"
    + "This is the mail system at host mx.example.org.\n" * 40
    + "<jane.roe@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1 <jane.roe@example.com>: "
    "Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)\n"
)
# An ordinary message, too long to be taken for a search.
NOT_A_BOUNCE = (
    "Hi Marc, thanks for lunch yesterday. Could you send me the slides from the meeting and the "
    "notes about next year's budget please? Best, Anne"
)

TEXT = {
    "en": {
        "sender_ip": "Your sending server's IP address",
        "who_refused": "Who refused it",
        "no": "No",
        "send": "Send",
        "comment_thanks": "we read every answer",
        "next_steps": "Paste the whole bounce",
        "temporary": "Temporary",
        "permanent": "Permanent",
        "not_found": "Page not found",
        "status_code": "Status code",
    },
    "fr": {
        "sender_ip": "Adresse IP de votre serveur d’envoi",
        "who_refused": "Origine du refus",
        "no": "Non",
        "send": "Envoyer",
        "comment_thanks": "nous lisons chaque réponse",
        "next_steps": "Collez le rapport de non-remise en entier",
        "temporary": "Temporaire",
        "permanent": "Définitif",
        "not_found": "Page introuvable",
        "status_code": "Code d’état",
    },
}


# --- helpers --------------------------------------------------------------------------------------


def bottom(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"] + box["height"]


def top(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"]


def paste(page, lang: str, text: str) -> None:
    """What a sender does: the home page, the paste box, the button."""
    page.goto(f"/{lang}/")
    page.locator("form.diagnose textarea").first.fill(text)
    page.locator("form.diagnose button[type=submit]").first.click()
    page.wait_for_load_state()


def switch_language(page) -> None:
    page.get_by_role("navigation", name=re.compile("Language|Langue")).get_by_role("link").click()
    page.wait_for_load_state()


def verdict_slug(page) -> str:
    return page.locator(".result .verdict a").first.get_attribute("href").strip("/").split("/")[-1]


def show_technical_details(page) -> None:
    """On a phone the technical rows are folded: open them as a sender would."""
    details = page.locator(".result details.technical").first
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()


def fact(page, label: str):
    return page.locator(f".result dl.facts dt:text-is(\"{label}\") + dd").first


# --- 1. Answer first ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_block_list_refusal_shows_verdict_steps_and_resend_advice_above_the_fold(page, screenshot, lang):
    # The IP block sits between the first steps and the resend advice: the longest answer block.
    paste(page, lang, BLOCKED)
    screenshot(f"answer-first-blocked-{lang}")
    height = page.viewport_size["height"]
    for selector in (".result .verdict", ".result .first-steps ol", ".result .resend"):
        assert bottom(page, selector) <= height, f"{selector} ends at {bottom(page, selector):.0f} px"


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_report_shows_the_answer_above_the_fold_and_the_technical_rows_after_it(page, lang):
    paste(page, lang, LONG_REPORT)
    page.wait_for_url(f"**/{lang}/result/*/")
    height = page.viewport_size["height"]
    for selector in (".result .verdict", ".result .first-steps ol", ".result .resend"):
        assert bottom(page, selector) <= height, f"{selector} ends at {bottom(page, selector):.0f} px"
    # Evidence, codes and hosts, then the full article, follow the answer.
    assert top(page, ".result details.technical") > bottom(page, ".result .resend")
    assert top(page, ".result .steps") > top(page, ".result details.technical")


# --- 2. A result you can keep ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_short_paste_gets_an_error_link_and_reload_sends_nothing_again(page, lang):
    paste(page, lang, MAILBOX_FULL)
    page.wait_for_url(f"**/{lang}/?error=*")
    assert page.locator("#permalink").input_value() == page.url
    slug = verdict_slug(page)
    methods: list[str] = []
    page.on("request", lambda request: methods.append(request.method) if request.is_navigation_request() else None)
    page.reload()
    assert methods == ["GET"]
    assert verdict_slug(page) == slug == "mailbox-full"


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_report_link_reopens_the_same_result_in_a_new_browser_without_the_addresses(
    page, browser, site_url, screenshot, lang
):
    paste(page, lang, LONG_REPORT)
    page.wait_for_url(re.compile(rf"/{lang}/result/[A-Za-z0-9_-]{{16,}}/$"))
    link = page.locator("#permalink").input_value()
    assert link == page.url
    slug = verdict_slug(page)
    screenshot(f"saved-result-{lang}")

    context, outside = guarded_context(browser, site_url, page.viewport_size)
    try:
        other = context.new_page()
        methods: list[str] = []
        other.on("request", lambda request: methods.append(request.method) if request.is_navigation_request() else None)
        other.goto(link)
        assert verdict_slug(other) == slug == "recipient-address-unknown"
        assert other.locator("html").get_attribute("lang") == lang
        other.locator("details.your-paste summary").click()
        kept = other.locator("details.your-paste pre").inner_text()
        assert "User unknown" in kept
        assert "jane.roe@" not in kept  # the stored copy has the addresses removed
        other.reload()
        assert methods == ["GET", "GET"]
        assert verdict_slug(other) == slug
    finally:
        context.close()
    assert not outside, f"requests left the site: {outside}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_for_the_mail_administrator_holds_verdict_codes_evidence_and_link(page, lang):
    paste(page, lang, LONG_REPORT)
    page.wait_for_url(f"**/{lang}/result/*/")
    title = page.locator(".result .verdict a").first.inner_text()
    article_url = page.locator(".result .verdict a").first.get_attribute("href")
    evidence = page.locator(".result .evidence mark").first.text_content()
    share = page.locator("section.share")
    share.locator("details summary").click()
    summary = share.locator("#summary-text")
    assert summary.is_visible()
    text = summary.input_value()
    assert title in text
    assert "550" in text and "5.1.1" in text
    assert evidence and evidence in text
    assert page.url in text  # this result
    assert article_url in text  # the article
    mailto = unquote(share.locator("a[href^=\"mailto:\"]").get_attribute("href"))
    assert mailto.startswith("mailto:?")
    assert title in mailto and page.url in mailto


# --- 3. Language switch keeps you where you are ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_switching_language_on_a_result_shows_the_same_result(page, lang):
    page.goto(f"/{lang}/?error={quote_plus(BLOCKED)}")
    slug = verdict_slug(page)
    switch_language(page)
    other = OTHER[lang]
    assert page.locator("html").get_attribute("lang") == other
    assert page.url.split("?")[1] == f"error={quote_plus(BLOCKED)}"
    assert page.url.split("?")[0].endswith(f"/{other}/")
    assert verdict_slug(page) == slug
    assert page.locator(".result .verdict a").first.get_attribute("href") == f"/{other}/{slug}/"


@pytest.mark.parametrize("lang", LANGS)
def test_switching_language_on_a_search_keeps_the_words_and_finds_the_same_article(page, lang):
    page.goto(f"/{lang}/search/?q=blacklist")
    first = page.locator("ol.hits a").first.get_attribute("href").split("/")[2]
    switch_language(page)
    other = OTHER[lang]
    page.wait_for_url(f"**/{other}/search/?q=blacklist")
    assert page.locator("#search-q").input_value() == "blacklist"
    assert page.locator("ol.hits a").first.get_attribute("href") == f"/{other}/{first}/"


@pytest.mark.parametrize("lang", LANGS)
def test_switching_language_on_an_article_or_a_code_page_shows_the_same_page(page, lang):
    other = OTHER[lang]
    for path in ("spamhaus-pbl/", "codes/5.7.1/"):
        page.goto(f"/{lang}/{path}")
        title = page.locator("h1").inner_text()
        switch_language(page)
        page.wait_for_url(f"**/{other}/{path}")
        assert page.locator("html").get_attribute("lang") == other
        if path.startswith("codes/"):
            assert "5.7.1" in page.locator("h1").inner_text()
        else:
            assert page.locator("h1").inner_text() != title


# --- 4. Facts in the steps ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_steps_use_the_sender_ip_and_the_page_says_who_refused(page, lang):
    page.goto(f"/{lang}/?error={quote_plus(BLOCKED)}")
    steps = page.locator(".result .with-your-ip")
    assert steps.is_visible()
    lookup = steps.get_by_role("link", name=re.compile(re.escape(SENDER_IP)))
    assert SENDER_IP in lookup.get_attribute("href")
    assert f"dig -x {SENDER_IP}" in steps.inner_text()
    assert REFUSING_IP not in steps.inner_text()  # the recipient's server is not the one to look up
    show_technical_details(page)
    assert fact(page, TEXT[lang]["sender_ip"]).inner_text().startswith(SENDER_IP)
    assert REFUSING_HOST in fact(page, TEXT[lang]["who_refused"]).inner_text()


# --- 5. Search finds what people type -------------------------------------------------------------

BLOCK_LIST_ARTICLES = {"blocked-ip", "sending-ip-blocked", "spamhaus-pbl", "ip-reputation"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "words, expected",
    [
        ("blacklist", BLOCK_LIST_ARTICLES),
        ("blocklist", BLOCK_LIST_ARTICLES),
        ("liste noire", BLOCK_LIST_ARTICLES),
        ("boîte pleine", {"mailbox-full"}),
        ("boite pleine", {"mailbox-full"}),
        ("mailbox full", {"mailbox-full"}),
        ("spamhuas", {"spamhaus-pbl", "sending-ip-blocked"}),  # a typo
    ],
)
def test_everyday_words_find_the_right_article_first_in_either_language(page, lang, words, expected):
    page.goto(f"/{lang}/")
    box = page.locator("form.search input[type=search]")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url(f"**/{lang}/search/?q=*")
    first = page.locator("ol.hits a").first.get_attribute("href")
    assert first.startswith(f"/{lang}/")
    assert first.strip("/").split("/")[-1] in expected, first


@pytest.mark.parametrize("lang", LANGS)
def test_a_status_code_search_leads_to_its_code_page_first(page, lang):
    page.goto(f"/{lang}/search/?q=5.7.1")
    code_link = page.locator("main .code-hit a")
    assert code_link.get_attribute("href") == f"/{lang}/codes/5.7.1/"
    assert bottom(page, "main .code-hit") <= top(page, "ol.hits")
    code_link.click()
    page.wait_for_url(f"**/{lang}/codes/5.7.1/")
    assert "5.7.1" in page.locator("h1").inner_text()


# --- 6. No dead ends ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_word_pasted_instead_of_a_bounce_says_it_was_searched(page, lang):
    paste(page, lang, "hello")
    page.wait_for_url(f"**/{lang}/search/?q=hello*")
    notice = page.locator("main .notice[role=status]")
    assert notice.is_visible()
    assert page.locator(".verdict").count() == 0  # not shown as if it were an answer
    assert page.locator("#search-q").input_value() == "hello"


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_message_that_is_not_a_bounce_shows_how_to_get_the_original(page, screenshot, lang):
    paste(page, lang, NOT_A_BOUNCE)
    notice = page.locator(".not-a-bounce")
    assert notice.is_visible()
    assert page.locator(".result .verdict").count() == 0
    how = notice.locator("details.get-the-bounce")
    assert how.evaluate("d => d.open")
    text = how.inner_text()
    for program in ("Gmail", "Outlook", "Apple Mail"):
        assert program in text
    # The menu names as the mail programs show them (English UI in both languages).
    assert "Show original" in text or "Afficher l’original" in text
    assert "View message source" in text or "Afficher la source" in text
    screenshot(f"not-a-bounce-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_no_on_a_result_asks_what_was_missing_offers_next_steps_and_keeps_the_result(production_page, lang):
    page = production_page
    page.goto(f"/{lang}/?error={quote_plus(MAILBOX_FULL)}")
    result_url = page.url
    vote = page.locator(".result .feedback")
    assert vote.is_visible()
    vote.get_by_role("button", name=TEXT[lang]["no"], exact=True).click()
    page.wait_for_load_state()
    assert page.url.split("#")[0] == result_url  # back on the same result
    assert verdict_slug(page) == "mailbox-full"
    vote = page.locator(".result .feedback")
    comment = vote.locator("textarea")
    assert comment.is_visible()
    assert TEXT[lang]["next_steps"] in vote.locator(".next-steps").inner_text()
    comment.fill("Nothing about my case: user@example.org")
    vote.get_by_role("button", name=TEXT[lang]["send"], exact=True).click()
    page.wait_for_load_state()
    assert TEXT[lang]["comment_thanks"] in page.locator(".result .feedback").inner_text()
    assert page.locator(".result .feedback textarea").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_no_on_an_article_asks_what_was_missing_and_accepts_the_comment(production_page, lang):
    page = production_page
    page.goto(f"/{lang}/mailbox-full/")
    page.locator("#feedback").get_by_role("button", name=TEXT[lang]["no"], exact=True).click()
    page.wait_for_load_state()
    feedback = page.locator("#feedback")
    assert TEXT[lang]["next_steps"] in feedback.inner_text()
    feedback.locator("textarea").fill("x")
    feedback.get_by_role("button", name=TEXT[lang]["send"], exact=True).click()
    page.wait_for_load_state()
    assert TEXT[lang]["comment_thanks"] in page.locator("#feedback").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_vote_counts_for_one_article_in_one_language(production_page, lang):
    page = production_page
    page.goto(f"/{lang}/greylisting/")
    page.locator("#feedback").get_by_role("button", name=TEXT[lang]["no"], exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#feedback .vote").count() == 0
    page.goto(f"/{OTHER[lang]}/greylisting/")
    assert page.locator("#feedback .vote button").count() == 2  # still asked in the other language


# --- 7. Print -------------------------------------------------------------------------------------

HIDDEN_IN_PRINT = ("form.diagnose", "form.search", ".share", ".site-header nav", ".feedback", ".live-checks form")


@pytest.mark.parametrize("lang", LANGS)
def test_printing_a_result_gives_the_answer_error_text_steps_and_article_without_forms(page, screenshot, lang):
    page.goto(f"/{lang}/?error={quote_plus(BLOCKED)}")
    page.emulate_media(media="print")
    for shown in (".result .verdict", ".result .first-steps", ".result .resend", "pre.error-text", ".result .steps"):
        assert page.locator(shown).first.is_visible(), shown
    for hidden in HIDDEN_IN_PRINT:
        locator = page.locator(hidden)
        assert all(not item.is_visible() for item in locator.all()), hidden
    screenshot(f"print-result-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_printing_an_article_keeps_its_text_but_not_the_vote_or_navigation(page, lang):
    page.goto(f"/{lang}/mailbox-full/")
    page.emulate_media(media="print")
    assert page.locator("article h1").is_visible()
    assert page.locator("article .body").is_visible()
    for hidden in HIDDEN_IN_PRINT:
        assert all(not item.is_visible() for item in page.locator(hidden).all()), hidden


# --- 8. Per-code pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code, temporary", [("5.7.1", False), ("4.7.650", True), ("5.7.26", False)])
def test_a_code_page_says_what_it_means_whether_it_is_temporary_and_where_it_leads(
    page, screenshot, lang, code, temporary
):
    page.goto(f"/{lang}/codes/{code}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert code in page.locator("h1").inner_text()
    assert page.locator("p.lead").inner_text().strip()
    kind = page.locator("dl.facts dd").nth(1).inner_text()
    assert kind.startswith(TEXT[lang]["temporary" if temporary else "permanent"])
    articles = page.locator("section[aria-labelledby=code-articles] a")
    assert articles.count() >= 1
    assert all(link.get_attribute("href").startswith(f"/{lang}/") for link in articles.all())
    if code == "5.7.1":
        screenshot(f"code-page-{lang}")


# --- 9. The site's own 404 (a production-like server, as `make run` serves it) ---------------------


LIVE_TOKEN = "L" * 21 + "1"
EXPIRED_TOKEN = "E" * 21 + "1"


@pytest.fixture(scope="module")
def production_site_url(tmp_path_factory, site_url):
    """The site with DEBUG off, as `make run` serves it: the conftest server runs with DEBUG=1,
    where Django's debug page replaces the site's own 404."""
    workdir = tmp_path_factory.mktemp("production-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "troubleshoot.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DIAGNOSE_RATE_LIMIT": "10000",
        # votes and comments from every test come from 127.0.0.1: more than the default 20 a minute
        "WRITE_RATE_LIMIT": "10000",
        "SAVED_REPORT_RETENTION_DAYS": "30",
    }
    env.pop("REDIS_URL", None)
    # Two stored reports that differ only by age: one kept 29 days ago, one 31 days ago (expired).
    store = (
        "from datetime import timedelta; from django.utils import timezone; "
        "from troubleshoot.articles.models import SavedReport; "
        f"[SavedReport.objects.create(token=token, text={LONG_REPORT!r}, created_at=timezone.now() - timedelta(days=age)) "
        f"for token, age in (({LIVE_TOKEN!r}, 29), ({EXPIRED_TOKEN!r}, 31))]"
    )
    # as `make run` does: with DEBUG off the pages name hashed static files from the collected manifest
    for command in (["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput", "-v0"], ["seed_content", "-v0"],
                    ["shell", "-c", store]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300,
                       stdout=subprocess.DEVNULL)
    with gunicorn_served(env=env, workers=1, what="the production-like site") as url:
        yield url


@pytest.fixture(params=list(VIEWPORTS))
def production_page(request, browser, production_site_url):
    context, outside = guarded_context(browser, production_site_url, VIEWPORTS[request.param])
    page = context.new_page()
    page.viewport_name = request.param
    yield page
    context.close()
    assert not outside, f"requests left the site: {outside}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("token", ["nope", "A" * 22, "x" * 300, EXPIRED_TOKEN])
def test_a_bad_result_link_gives_the_site_own_404_in_the_visitor_language(production_page, lang, token):
    response = production_page.goto(f"/{lang}/result/{token}/")
    assert response.status == 404
    assert production_page.locator("html").get_attribute("lang") == lang
    assert production_page.locator("h1").inner_text() == TEXT[lang]["not_found"]
    assert "URLconf" not in production_page.content()  # not Django's debug page
    home = production_page.locator("main a").first
    assert home.get_attribute("href") == f"/{lang}/"


@pytest.mark.parametrize("lang", LANGS)
def test_a_stored_result_still_opens_the_day_before_it_expires(production_page, lang):
    response = production_page.goto(f"/{lang}/result/{LIVE_TOKEN}/")
    assert response.status == 200
    assert verdict_slug(production_page) == "recipient-address-unknown"


def test_every_page_has_a_favicon_that_loads(production_page):
    production_page.goto("/fr/")
    icon = production_page.locator("link[rel=icon]").get_attribute("href")
    assert production_page.request.get(icon).status == 200
    assert production_page.request.get("/favicon.ico").status == 200
