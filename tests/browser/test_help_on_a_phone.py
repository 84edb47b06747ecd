"""A person in a hard moment opens "Get help now" on a phone and finds their own country's
numbers within a few screens, in their own language."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 640}


@pytest.mark.parametrize(
    ("language", "number"), [("en", "116 123"), ("fi", "09 2525 0111"), ("es", "024")]
)
def test_the_help_page_fits_in_fewer_than_six_phone_screens(page, axe_check, language, number):
    page.set_viewport_size(PHONE)
    page.goto(f"{page.base_url}/{language}/help/")
    assert page.locator("body").bounding_box()["height"] < 6 * PHONE["height"]
    assert page.locator("body").bounding_box()["width"] <= PHONE["width"]
    # The reader's own crisis line shows without opening anything.
    assert page.get_by_role("link", name=number, exact=True).is_visible()
    axe_check(page)


def test_a_jump_link_takes_the_reader_to_the_help_to_stop(page):
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + "/en/help/")
    page.get_by_role("navigation", name="On this page").get_by_role(
        "link", name="Help to stop"
    ).click()
    assert page.url.endswith("#prevention-lines")
    assert page.get_by_role("link", name="0808 1000 900").is_visible()
    prevention = page.locator("#prevention-lines + p + ul + details")
    expect(prevention.get_by_role("link", name="prevensi.es")).to_be_hidden()
    prevention.locator("summary").click()  # a details box: no script needed
    expect(prevention.get_by_role("link", name="prevensi.es")).to_be_visible()
