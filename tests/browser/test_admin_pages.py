"""The admin under the site's Content-Security-Policy: no page logs a violation, nothing is loaded
from another site, the article list fits 1280 px, and the insight page draws its charts."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ADMIN, VIEWPORTS

ADMIN_PAGES = [
    "/admin/",
    "/admin/articles/",
    "/admin/articles/article/",
    "/admin/articles/article/?review=fr",
    "/admin/articles/article/test-bounce/",
    "/admin/articles/bouncesignature/",
    "/admin/articles/feedback/",
    "/admin/articles/missedquery/",
    "/admin/articles/dailycount/",
    "/admin/articles/dailycount/?days=90",
    "/admin/articles/searchsynonym/",
    "/admin/articles/searchsynonym/add/",
    "/admin/auth/user/",
    "/admin/password_change/",
]


@pytest.fixture
def staff_page(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=site_url)
    outside, console = [], []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site_url) or route.request.url.startswith("data:")
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text) if message.type in ("error", "warning") else None)
    page.goto("/admin/login/")
    page.fill("#id_username", ADMIN[0])
    page.fill("#id_password", ADMIN[1])
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.console_messages = console
    yield page
    context.close()
    assert not outside, f"requests left the site: {outside}"


def _article_pages(page) -> list[str]:
    page.goto("/admin/articles/article/")
    change = page.locator("#result_list a[href*='/change/']").first.get_attribute("href")
    return [change, change.replace("/change/", "/history/")]


def test_no_admin_page_breaks_the_content_security_policy(staff_page):
    pages = ADMIN_PAGES + _article_pages(staff_page)
    for path in pages:
        staff_page.console_messages.clear()
        response = staff_page.goto(path)
        assert response.status == 200, path
        staff_page.wait_for_load_state("load")
        violations = [m for m in staff_page.console_messages if "Content Security Policy" in m or "Refused to" in m]
        assert not violations, f"{path}: {violations}"
    assert len(pages) == len(ADMIN_PAGES) + 2


def test_the_article_list_shows_every_column_at_1280_px(staff_page):
    staff_page.goto("/admin/articles/article/")
    width = VIEWPORTS["desktop"]["width"]
    for column in ("votes_en", "votes_fr", "updated_on"):
        box = staff_page.locator(f"#result_list th.column-{column}").bounding_box()
        assert box is not None, column
        assert box["x"] + box["width"] <= width, f"{column} ends at {box['x'] + box['width']:.0f} px"


def test_the_insight_page_draws_what_senders_hit(staff_page, site_url):
    visitor = staff_page.context.browser.new_context(base_url=site_url)
    sender = visitor.new_page()
    sender.goto("/en/?error=552+5.2.2+Mailbox+full")
    sender.goto("/fr/search/?q=qwxzvkj")
    visitor.close()
    staff_page.goto("/admin/articles/dailycount/?days=7")
    assert staff_page.locator("svg.insight-days rect").count() == 7
    assert staff_page.locator("th", has_text="mailbox-full").count() == 1  # the articles reached most
    assert staff_page.locator("text=of which 1 found nothing").count() == 1
