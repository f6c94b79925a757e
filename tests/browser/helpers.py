"""Small actions shared by the browser tests."""

from playwright.sync_api import Locator

PASSWORD = "correct-horse-battery"  # what make_person in tests/conftest.py gives everyone


def follow(locator: Locator, *, key: str | None = None) -> None:
    """Click a link or button (or press `key` on it) that loads a new page, and wait for that page.

    Playwright's click returns before the next page arrives, so an assertion made straight after
    it can pass, or fail, against the page being left. Waiting for the next `load` event cannot.
    """
    with locator.page.expect_event("load"):
        if key:
            locator.press(key)
        else:
            locator.click()


def open_from_menu(page, name: str) -> None:
    """Follow one of the service navigation's links, as a person does after signing in: everyone
    starts on "Waiting for you"."""
    follow(page.get_by_role("navigation", name="Menu").get_by_role("link", name=name, exact=True))
