"""Using the service with a keyboard only."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import follow


@pytest.mark.parametrize(("path", "name"), [("/", "home"), ("/sign-in/", "sign-in")])
def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(page, check_page, path, name):
    page.goto(path)
    check_page(page, name)
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).not_to_be_in_viewport()  # off screen until focused

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
    assert page.url.endswith("#main-content")
    # The next Tab continues from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_the_sign_out_button_in_the_header_works_from_the_keyboard(page, check_page, sign_in, dorset_author):
    sign_in(dorset_author)
    check_page(page, "council-dashboard-not-started")
    sign_out = page.get_by_role("button", name="Sign out")
    your_account = page.get_by_role("link", name="Your account")
    # Unfocused, it looks like the navigation links beside it.
    assert sign_out.evaluate("e => getComputedStyle(e).color") == your_account.evaluate(
        "e => getComputedStyle(e).color"
    )
    your_account.focus()
    page.keyboard.press("Tab")
    expect(sign_out).to_be_focused()
    # Focused, it has the GOV.UK focus state: yellow background, black text.
    assert sign_out.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)"
    assert sign_out.evaluate("e => getComputedStyle(e).color") == "rgb(11, 12, 12)"
    follow(sign_out, key="Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Council productivity plans")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    check_page(page, "home")
