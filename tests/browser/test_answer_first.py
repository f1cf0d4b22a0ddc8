"""A panicked sender sees the paste box, then the answer, without scrolling; keeps and shares it."""

import pytest

pytestmark = pytest.mark.browser

BOUNCE = "552 5.2.2 <bob@example.com>: Recipient address rejected: mailbox full"
LONG_REPORT = (
    "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\n\n"
    + "This is the mail system at host mx.example.org.\n" * 40
    + "<jane.roe@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1 <jane.roe@example.com>: "
      "Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)\n"
)


def bottom(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] + box["height"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_paste_box_and_its_button_are_above_the_fold(page, lang):
    page.goto(f"/{lang}/")
    height = page.viewport_size["height"]
    assert bottom(page, "form.diagnose textarea") <= height
    assert bottom(page, "form.diagnose button[type=submit]") <= height


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_answer_steps_and_resend_verdict_are_above_the_fold(page, screenshot, lang):
    page.goto(f"/{lang}/")
    page.locator("form.diagnose textarea").fill(BOUNCE)
    page.locator("form.diagnose button[type=submit]").click()
    page.wait_for_url(f"**/{lang}/?error=*")
    height = page.viewport_size["height"]
    for selector in (".result .verdict", ".result .first-steps li", ".result .resend"):
        assert bottom(page, selector) <= height, selector
    technical = page.locator("details.technical").first
    assert technical.evaluate("d => d.open") is (page.viewport_name == "desktop")
    screenshot(f"answer-first-{lang}")


def test_a_long_report_gets_a_link_that_reopens_it_in_a_fresh_browser_and_in_french(page, browser):
    page.goto("/en/")
    page.locator("form.diagnose textarea").fill(LONG_REPORT)
    page.locator("form.diagnose button[type=submit]").click()
    page.wait_for_url("**/en/result/*/")
    link = page.locator("#permalink").input_value()
    assert link == page.url
    context = browser.new_context()
    other = context.new_page()
    other.goto(link)
    assert other.locator(".verdict a").get_attribute("href") == "/en/recipient-address-unknown/"
    other.get_by_role("navigation", name="Language").get_by_role("link").click()
    other.wait_for_url("**/fr/result/*/")
    assert other.locator(".verdict a").get_attribute("href") == "/fr/recipient-address-unknown/"
    context.close()


def test_printing_a_result_keeps_the_verdict_error_text_and_steps_but_no_forms(page):
    page.goto("/en/?error=" + BOUNCE.replace(" ", "+"))
    page.emulate_media(media="print")
    assert page.locator(".result .verdict").is_visible()
    assert page.locator(".result .first-steps").is_visible()
    assert page.locator("pre.error-text").first.is_visible()
    for hidden in ("form.diagnose", "form.search", ".share", ".site-header nav", ".feedback"):
        locator = page.locator(hidden)
        assert locator.count() == 0 or not locator.first.is_visible(), hidden


def test_a_no_vote_asks_what_was_missing_and_shows_the_next_steps(page):
    page.goto("/fr/spam-filter/")
    page.get_by_role("button", name="Non").click()
    page.wait_for_load_state()
    feedback = page.locator("#feedback")
    assert "Collez le rapport de non-remise en entier" in feedback.inner_text()
    feedback.locator("textarea").fill("Rien sur mon cas précis")
    feedback.get_by_role("button", name="Envoyer").click()
    page.wait_for_load_state()
    assert "nous lisons chaque réponse" in page.locator("#feedback").inner_text()
