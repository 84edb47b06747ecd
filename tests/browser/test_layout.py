"""A person on a phone with JavaScript off finds help and a way out on every page."""

import pytest

pytestmark = pytest.mark.browser


def test_the_first_page_works_without_javascript_and_keeps_to_its_own_origin(page, axe_check):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page.base_url + "/en/")
    help_link = page.get_by_role("link", name="Get help now").first
    assert help_link.is_visible()
    exit_link = page.get_by_role("link", name="Quick exit")
    # It leaves through this site, which tells the browser to forget it (Clear-Site-Data).
    assert exit_link.get_attribute("href") == "/en/help/exit/"
    assert "does not erase your browser history" in page.inner_text("footer")
    # Nothing wider than the phone's screen.
    box = page.locator("body").bounding_box()
    assert box["width"] <= 360
    axe_check(page)


def test_help_is_one_click_away_and_the_language_switcher_keeps_the_page(page, axe_check):
    page.goto(page.base_url + "/en/help/")
    assert page.locator("h1").inner_text() == "Get help now"
    page.get_by_role("link", name="suomi").click()
    assert page.url.endswith("/fi/help/")
    axe_check(page)


def test_the_privacy_page_reads_well_without_javascript(page, axe_check):
    page.goto(page.base_url + "/en/help/privacy/")
    assert page.locator("h1").inner_text().startswith("Privacy")
    axe_check(page)
