"""The admin under the site's Content-Security-Policy: no page logs a violation, nothing is loaded
from another site, the article list fits 1280 px, and the insight page draws its charts."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import ADMIN, VIEWPORTS, guarded_context

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


@pytest.fixture(params=["en"])
def staff_page(request, browser, site_url):
    context, outside = guarded_context(browser, site_url, VIEWPORTS["desktop"], locale=request.param)
    console = []
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
    visitor, outside = guarded_context(staff_page.context.browser, site_url, VIEWPORTS["desktop"])
    sender = visitor.new_page()
    sender.goto("/en/?error=552+5.2.2+Mailbox+full")
    sender.goto("/fr/search/?q=qwxzvkj")
    visitor.close()
    assert not outside
    staff_page.goto("/admin/articles/dailycount/?days=7")
    assert staff_page.locator("svg.insight-days rect").count() == 7
    assert staff_page.locator("th", has_text="mailbox-full").count() == 1  # the articles reached most
    assert staff_page.locator("text=of which 1 found nothing").count() == 1


# The admin in either language: the visitor's browser language picks it (no /en/ prefix there).
@pytest.fixture(params=["en", "fr"])
def staff_page_any_language(request, browser, site_url):
    context, outside = guarded_context(browser, site_url, VIEWPORTS["desktop"], locale=request.param,
                                       extra_http_headers={"Accept-Language": request.param})
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", ADMIN[0])
    page.fill("#id_password", ADMIN[1])
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.admin_language = request.param
    yield page
    context.close()
    assert not outside, f"requests left the site: {outside}"


def _open_article(page, slug: str) -> None:
    page.goto(f"/admin/articles/article/?q={slug}")
    page.locator("#result_list a", has_text=slug).first.click()
    page.locator("li.ui-tabs-tab").first.wait_for()


def _public_title(page, slug: str, lang: str = "en", *, expected: str | None = None) -> str:
    """The article's public title; with `expected`, read again until it shows, for at most the time
    every worker takes to see a change (CONTENT_CHECK_SECONDS, 1 s, plus margin)."""
    visitor = page.context.new_page()
    deadline = time.monotonic() + 3
    while True:
        visitor.goto(f"/{lang}/{slug}/")
        title = visitor.locator("h1").inner_text()
        if expected is None or title == expected or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    visitor.close()
    return title


def test_draft_preview_publish_in_the_admin_language(staff_page_any_language):
    page = staff_page_any_language
    lang = page.admin_language
    slug = {"en": "bulk-sender-requirements", "fr": "exchange-online-access-denied"}[lang]
    new_title = f"Draft title written in the {lang} admin"
    _open_article(page, slug)
    assert (page.locator("html").get_attribute("lang") or "").startswith(lang)
    published_title = _public_title(page, slug)
    page.locator("li.ui-tabs-tab a", has_text="en").first.click()  # the French admin opens the French tab
    page.fill("#id_title_en", new_title)
    page.click("input[name=_save_draft]")
    page.locator(".draft-notice").wait_for()
    assert page.locator("#id_title_en").input_value() == new_title  # the form shows the draft
    assert _public_title(page, slug) == published_title  # the site does not

    with page.expect_popup() as popup_info:
        page.click("button[name=_preview]")
    preview = popup_info.value
    preview.wait_for_load_state()
    assert preview.locator("article[lang=en] h1").inner_text() == new_title
    assert preview.locator("article[lang=fr] h1").inner_text()  # both languages side by side
    assert preview.locator("link[href*='web/site']").count() == 1  # the site's own styling
    preview.close()

    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")
    assert _public_title(page, slug, expected=new_title) == new_title
    _open_article(page, slug)
    assert page.locator(".draft-notice").count() == 0


def test_an_english_edit_flags_the_french_until_it_is_reviewed(staff_page):
    page = staff_page
    slug = "microsoft-365-tenant-blocked"
    _open_article(page, slug)
    body = page.locator("#id_body_en")
    body.fill(body.input_value() + "\n\nOne more English sentence for the translators.")
    page.click("input[name=_save]")
    page.goto(f"/admin/articles/article/?review=fr&q={slug}")
    assert page.locator("#result_list td.field-translations", has_text="needs review: French").count() == 1
    visitor = page.context.new_page()
    visitor.goto(f"/fr/{slug}/")
    assert visitor.locator("p.notice", has_text="La version anglaise de cet article a été mise à jour").count() == 1
    visitor.close()

    _open_article(page, slug)
    assert page.locator(".translation-review ins", has_text="translators.").count() == 1
    page.check("#id_reviewed_fr")
    page.click("input[name=_save]")
    page.goto(f"/admin/articles/article/?q={slug}")
    assert page.locator("#result_list td.field-translations", has_text="needs review").count() == 0


def _translator_created(page, name: str, password: str) -> None:
    """As the superuser: a staff account in the Translators group, through the admin's own forms."""
    page.goto("/admin/auth/user/add/")
    page.fill("#id_username", name)
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.locator("input[name=_continue]").click()
    page.wait_for_url("**/change/")
    page.check("#id_is_staff")
    page.locator("#id_groups_from option", has_text="Translators").click()
    page.locator("#id_groups_add").click()
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/auth/user/")


def test_a_translator_drafts_the_french_and_an_editor_publishes_it(staff_page, browser, site_url):
    slug = "greylisting"
    name, password = "tina-translator", "a-translator-password-1"
    _translator_created(staff_page, name, password)

    context, outside = guarded_context(browser, site_url, VIEWPORTS["desktop"], locale="fr",
                                       extra_http_headers={"Accept-Language": "fr"})
    translator = context.new_page()
    translator.goto("/admin/login/")
    translator.fill("#id_username", name)
    translator.fill("#id_password", password)
    translator.click("input[type=submit]")
    translator.wait_for_url("**/admin/")
    _open_article(translator, slug)
    assert translator.locator("input[name=_save]").count() == 0  # translators cannot publish
    new_title = "Mise en attente temporaire (greylisting) : relu par la traductrice"
    translator.locator("li.ui-tabs-tab a", has_text="fr").first.click()
    translator.fill("#id_title_fr", new_title)
    translator.click("input[name=_save_draft]")
    translator.locator(".draft-notice").wait_for()
    context.close()
    assert not outside
    assert _public_title(staff_page, slug, "fr") != new_title

    _open_article(staff_page, slug)
    assert staff_page.locator(".draft-notice", has_text=name).count() == 1
    staff_page.click("input[name=_save]")
    staff_page.wait_for_load_state()
    assert staff_page.locator(".errornote, .errorlist").count() == 0, staff_page.locator(".errornote, .errorlist").all_inner_texts()
    assert _public_title(staff_page, slug, "fr", expected=new_title) == new_title
