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
