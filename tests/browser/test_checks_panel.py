"""The "Checked just now" panel in a browser, with and without JavaScript, in both languages."""

from urllib.parse import quote_plus

import pytest

pytestmark = pytest.mark.browser

REFUSAL = "550 5.7.1 Service unavailable; Client host [5.6.7.10] blocked using zen.spamhaus.org"


@pytest.mark.parametrize("lang, problem", [("en", "Problem"), ("fr", "Problème")])
def test_the_checks_load_under_the_answer(page, dns_server, lang, problem):
    page.goto(f"/{lang}/?error={quote_plus(REFUSAL)}")
    assert page.locator(".result .verdict").is_visible()  # the answer does not wait for DNS
    panel = page.locator(".live-checks .checks-panel")
    panel.wait_for(timeout=10_000)
    assert problem in panel.inner_text()
    assert "5.6.7.10" in panel.inner_text()


@pytest.mark.parametrize("lang, button, title", [("en", "Check now", "Checked just now"),
                                                 ("fr", "Vérifier maintenant", "Vérifié à l’instant")])
def test_without_javascript_check_now_gives_the_same_panel(browser, site_url, dns_server, lang, button, title):
    context = browser.new_context(java_script_enabled=False, base_url=site_url)
    page = context.new_page()
    page.goto(f"/{lang}/?error={quote_plus(REFUSAL)}")
    page.get_by_role("button", name=button).click()
    page.wait_for_url(f"**/{lang}/checks/?ip=5.6.7.10*")
    assert page.locator("h1").inner_text() == title
    assert "5.6.7.10" in page.locator(".checks-panel").inner_text()
    context.close()
