import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

SEED_BOUNCE = "553 sorry, your envelope sender is in my badmailfrom list."


def serious_violations(page):
    results = Axe().run(page)
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("lang, heading", [("en", "What your bounce means"), ("fr", "Ce que signifie votre message d’erreur")])
def test_paste_a_seed_bounce_and_land_on_its_article(page, screenshot, lang, heading):
    page.goto(f"/{lang}/")
    page.get_by_role("textbox", name="Paste" if lang == "en" else "Collez").first.fill(SEED_BOUNCE)
    page.locator("form.diagnose button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == heading
    screenshot(f"result-{lang}")
    page.locator(".verdict a").click()
    assert page.url.endswith(f"/{lang}/sender-blocked/")
    assert "badmailfrom" in page.locator(".signatures").inner_text()


def test_search_with_a_typo_finds_the_article_as_you_type_and_on_submit(page):
    page.goto("/en/")
    search = page.get_by_role("searchbox")
    search.press_sequentially("spamhuas", delay=20)
    page.locator("#live-results a").first.wait_for()
    assert "/en/spamhaus-pbl/" in page.locator("#live-results a").first.get_attribute("href")
    search.press("Enter")
    page.wait_for_url("**/en/search/?q=spamhuas")
    assert page.locator("ol.hits a").first.get_attribute("href") == "/en/spamhaus-pbl/"


def test_switch_language_on_an_article(page, screenshot):
    page.goto("/en/relay-denied/")
    screenshot("article-en")
    english_title = page.locator("h1").inner_text()
    page.get_by_role("navigation", name="Language").get_by_role("link").click()
    page.wait_for_url("**/fr/relay-denied/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() != english_title
    screenshot("article-fr")


def test_vote_once_on_an_article(page):
    page.goto("/fr/spam-filter/")
    page.get_by_role("button", name="Oui").click()
    page.wait_for_load_state()
    assert "Merci" in page.locator("#feedback").inner_text()
    assert page.get_by_role("button", name="Oui").count() == 0


def test_reach_a_result_with_the_keyboard_only(page):
    page.goto("/en/")
    target = page.locator("form.diagnose textarea")
    for _ in range(15):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the paste box cannot be reached with Tab")
    page.keyboard.type("460 too many messages (#4.3.0)")
    for _ in range(4):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.tagName + ' ' + (document.activeElement.type || '')")
        if focused == "BUTTON submit":
            break
    else:
        pytest.fail("the paste form's button cannot be reached with Tab from the paste box")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "/en/too-many-messages/" in page.locator(".verdict a").get_attribute("href")


@pytest.mark.parametrize("path", ["/en/", "/fr/", "/en/spam-filter/", "/fr/relay-denied/", "/fr/search/?q=relais"])
def test_pages_have_no_serious_accessibility_violation(page, screenshot, path):
    page.goto(path)
    assert serious_violations(page) == []
    if path in ("/en/", "/fr/"):
        screenshot(f"home-{path.strip('/')}")


def test_result_page_has_no_serious_accessibility_violation(page):
    page.goto("/fr/?error=" + SEED_BOUNCE.replace(" ", "+"))
    assert serious_violations(page) == []


def test_pages_fit_their_width_without_horizontal_scrolling(page):
    for path in ["/en/", "/fr/spam-filter/", "/fr/?error=" + SEED_BOUNCE.replace(" ", "+")]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path


def test_admin_language_tabs_work_with_nothing_from_outside(page):
    from tests.browser.conftest import ADMIN

    page.goto("/admin/login/")
    page.fill("#id_username", ADMIN[0])
    page.fill("#id_password", ADMIN[1])
    page.click("input[type=submit]")
    page.goto("/admin/articles/article/")
    page.get_by_role("link", name="spam-filter").click()
    page.locator("li.ui-tabs-tab").first.wait_for()
    french_title = page.locator("#id_title_fr")
    assert not french_title.is_visible()  # English tab first
    page.locator("li.ui-tabs-tab a", has_text="fr").first.click()
    assert french_title.is_visible()
    assert french_title.input_value()
