"""A person reads a chapter with JavaScript off: every kind of page is usable and accessible."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_person_walks_through_a_chapter_page_by_page(page, axe_check):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page.base_url + "/en/")
    assert page.locator("h1").inner_text() == "Waymark self-help program"
    axe_check(page)
    page.get_by_role("link", name="Chapter 6: Breaking the chain").click()
    seen = []
    while True:
        seen.append(page.locator("h1").inner_text())
        assert page.get_by_role("link", name="Get help now").first.is_visible()
        assert page.locator("body").bounding_box()["width"] <= 360
        axe_check(page)
        after = page.locator("a[rel=next]")
        if "Chapter 6" not in page.locator("p.meta").first.inner_text() or not after.count():
            break
        after.click()
        if "Chapter 6" not in page.locator("p.meta").first.inner_text():
            break
    assert len(seen) >= 5
    page.get_by_role("link", name="Program").first.click()
    expect(page.get_by_role("link", name="Continue where I left off")).to_have_count(0)


def test_a_person_takes_the_self_check_and_is_shown_help_first(page, axe_check):
    page.goto(page.base_url + "/en/self-check/")
    axe_check(page)
    page.get_by_role("group", name="How confident are you").get_by_label("7").check()
    page.get_by_role("group", name="afraid that you might harm a child").get_by_label(
        "Sometimes"
    ).check()
    page.get_by_role("button", name="See my results").click()
    assert page.url.endswith("/en/self-check/results/")
    first = page.locator("main > *").first
    assert "crisis" in first.get_attribute("class")
    assert first.get_by_role("link", name="0808 1000 900").is_visible()  # help to stop
    assert first.get_by_role("link", name="Get help now").is_visible()
    axe_check(page)
    first.get_by_role("link", name="Get help now").click()
    assert page.url.endswith("/en/help/")
