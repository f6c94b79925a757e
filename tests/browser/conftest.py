"""Browser layer: headless Chromium (Debian's, never a downloaded one) driven by Playwright's sync API.

Every test gets a fresh browser context and page on pytest-django's `live_server`. The `page`
fixture watches the browser while the test runs and fails the test at teardown when:

- the browser logged a console error or an uncaught JavaScript exception;
- a same-origin request failed or answered 4xx/5xx (CSS, JS, fonts, images, favicon...),
  unless the test said it expects that status with `browser_problems.expect(path, status)`;
- a page asked for a resource from another origin (the service has no third parties);
- a document loaded during the test was never passed to `check_page`.

`check_page(page, name)` runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the current document,
fails with the rule id, help text and selectors of each violation, and saves a full-page
screenshot to test-artifacts/screenshots/<name>.png.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Long enough for a slow machine, short enough that a missing element fails fast.
TIMEOUT_MS = 5_000

PASSWORD = "correct-horse-battery"  # what make_person in tests/conftest.py gives everyone


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class BrowserProblems:
    """What went wrong in the browser during one test, reported at teardown."""

    origin: str
    expected: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)  # every document loaded, in order
    checked: set[int] = field(default_factory=set)  # indexes into `loads` that check_page saw

    def expect(self, path: str, status: int) -> None:
        """Declare that requesting `path` on this site answers `status` (e.g. a 404 page test)."""
        self.expected[path] = status

    def _same_origin(self, url: str) -> bool:
        return url.startswith(self.origin + "/") or url == self.origin

    def _path(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def on_response(self, response) -> None:
        if not self._same_origin(response.url) or response.status < 400:
            return
        if self.expected.get(self._path(response.url)) == response.status:
            return
        self.problems.append(f"{response.status} for {response.request.resource_type} {self._path(response.url)}")

    def on_request(self, request) -> None:
        if not self._same_origin(request.url) and not request.url.startswith(("data:", "about:", "blob:")):
            self.problems.append(f"request to another origin: {request.url}")

    def on_request_failed(self, request) -> None:
        if self._same_origin(request.url):
            self.problems.append(f"request failed ({request.failure}) for {self._path(request.url)}")

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "") if message.location else ""
        if self._same_origin(url) and self._path(url) in self.expected and "status of" in message.text:
            return  # Chromium's "Failed to load resource" line for a status the test expects
        self.problems.append(f"console error: {message.text} ({url})")

    def on_page_error(self, error) -> None:
        self.problems.append(f"uncaught JavaScript error: {error}")

    def on_load(self, page) -> None:
        self.loads.append(self._path(page.url))


@pytest.fixture
def browser_problems(live_server):
    return BrowserProblems(origin=live_server.url)


@pytest.fixture
def page(browser, live_server, browser_problems, _fast_test_settings):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1024, "height": 768}, locale="en-GB",
        timezone_id="Europe/London",
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("response", browser_problems.on_response)
    page.on("request", browser_problems.on_request)
    page.on("requestfailed", browser_problems.on_request_failed)
    page.on("console", browser_problems.on_console)
    page.on("pageerror", browser_problems.on_page_error)
    page.on("load", browser_problems.on_load)
    yield page
    context.close()
    problems = list(browser_problems.problems)
    unchecked = [url for i, url in enumerate(browser_problems.loads) if i not in browser_problems.checked]
    if unchecked:
        problems.append(f"pages loaded but never passed to check_page: {unchecked}")
    if problems:
        pytest.fail("The browser reported problems:\n  " + "\n  ".join(problems), pytrace=False)


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}\n    {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            lines.append(f"    at {target}: {node['html'][:160]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ...and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


_screenshots_taken: set[str] = set()


@pytest.fixture
def check_page(browser_problems):
    """check_page(page, name): axe-core finds no WCAG A/AA violation; screenshot saved as <name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def check(page: Page, name: str) -> None:
        assert re.fullmatch(r"[a-z0-9-]+", name), f"screenshot names are lower-case-with-hyphens, not {name!r}"
        page.wait_for_load_state("load")
        if name not in _screenshots_taken:
            # Before axe runs: axe leaves nothing visible, but keep the picture of the page as served.
            page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
            _screenshots_taken.add(name)
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=AXE_JS)
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )
        violations = results["violations"]
        assert not violations, (
            f"axe-core found {len(violations)} accessibility violation(s) on {page.url} ({name}):\n"
            + format_violations(violations)
        )
        if browser_problems.loads:
            browser_problems.checked.add(len(browser_problems.loads) - 1)

    return check


@pytest.fixture
def sign_in(page, check_page):
    """sign_in(user): type the username and password into the sign-in form, as a person would."""

    def do(user, *, screenshot: str = "sign-in") -> None:
        page.goto("/sign-in/")
        check_page(page, screenshot)
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/sign-in/" not in url)

    return do


@pytest.fixture
def sign_out(page, check_page):
    """Press "Sign out" in the header (a POST form) and land on the home page, signed out."""

    def do() -> None:
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url(lambda url: urlsplit(url).path == "/")
        check_page(page, "home-after-sign-out")
        assert page.get_by_role("link", name="Sign in").first.is_visible()

    return do
