"""Signing in: the errors a person sees, and that what they typed is kept."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import PASSWORD, follow, open_from_menu


def test_a_wrong_password_shows_the_error_summary_and_keeps_the_username(page, check_page, dorset_author):
    page.goto("/sign-in/")
    check_page(page, "sign-in")
    page.get_by_label("Username").fill(dorset_author.username)
    page.get_by_label("Password").fill("not-the-password")
    follow(page.get_by_role("button", name="Sign in"))

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("alert")).to_contain_text("Enter a correct username and password")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(page.get_by_label("Username")).to_have_value(dorset_author.username)
    expect(page.get_by_label("Password")).to_have_value("")  # a password is never sent back to the browser
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    check_page(page, "sign-in-wrong-password")

    # With nothing typed, each missing answer is listed and linked to its box.
    page.get_by_label("Username").fill("")
    follow(page.get_by_role("button", name="Sign in"))
    expect(summary.get_by_role("link")).to_have_text(["Enter your username", "Enter your password"])
    expect(page.locator("#id_username-error")).to_contain_text("Enter your username")
    check_page(page, "sign-in-empty")
    summary.get_by_role("link", name="Enter your password").click()
    expect(page.get_by_label("Password")).to_be_focused()

    # Then the right password signs in, to the work waiting for them, and on to the council's plans.
    page.get_by_label("Username").fill(dorset_author.username)
    page.get_by_label("Password").fill(PASSWORD)
    follow(page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for you")
    check_page(page, "waiting-for-you-author-nothing")
    open_from_menu(page, "Your council's plans")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your council's plans")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    check_page(page, "council-dashboard-not-started")
