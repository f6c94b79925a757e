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

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from tests.browser.helpers import PASSWORD, follow

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
_AXE_SOURCE: list[str] = []


def _axe_source() -> str:
    if not _AXE_SOURCE:
        _AXE_SOURCE.append(AXE_JS.read_text(encoding="utf-8"))
    return _AXE_SOURCE[0]


SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Long enough for a slow machine, short enough that a missing element fails fast.
TIMEOUT_MS = 5_000


@pytest.fixture(autouse=True)
def _service_as_deployed(plan_return, register):
    """Every deployment has the register of councils and the 2024 return, so every page test does too."""


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
        # ERR_ABORTED is a request cancelled by the next navigation, or one Chromium dropped after an
        # error status, which on_response has already reported.
        if self._same_origin(request.url) and request.failure != "net::ERR_ABORTED":
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


CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[CALL_FAILED] = report.failed
    return report


@pytest.fixture
def page(request, browser, live_server, browser_problems, _fast_test_settings):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1024, "height": 768},
        locale="en-GB",
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
    if problems and request.node.stash.get(CALL_FAILED, False):
        # The test has already failed; show what the browser saw without reporting a second error.
        print("The browser also reported:\n  " + "\n  ".join(problems))
    elif problems:
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
# Markup axe has already passed in this session. axe's verdict depends only on the DOM and the
# CSS, so a page whose markup is byte-for-byte one already checked (the sign-in page on each of
# four sign-ins, say) is not checked again. CSRF tokens differ on every load and are ignored.
_markup_passed: set[str] = set()
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')


def _markup_key(page: Page) -> str:
    markup = CSRF_VALUE.sub(r'\1"', page.content())
    return hashlib.sha256(f"{page.viewport_size}{markup}".encode()).hexdigest()


# Chromium now and then answers a capture with this and takes the same picture when asked again.
SCREENSHOT_REFUSED = "Unable to capture screenshot"


def save_screenshot(page: Page, path: Path) -> None:
    """A full-page screenshot, asked for once more if Chromium refuses the first capture outright."""
    try:
        page.screenshot(path=path, full_page=True)
    except PlaywrightError as error:
        if SCREENSHOT_REFUSED not in str(error):
            raise
        page.wait_for_timeout(250)
        page.screenshot(path=path, full_page=True)


@pytest.fixture
def check_page(browser_problems):
    """check_page(page, name): axe-core finds no WCAG A/AA violation; screenshot saved as <name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def check(page: Page, name: str) -> None:
        assert re.fullmatch(r"[a-z0-9-]+", name), f"screenshot names are lower-case-with-hyphens, not {name!r}"
        page.wait_for_load_state("load")
        if browser_problems.loads:
            browser_problems.checked.add(len(browser_problems.loads) - 1)
        key = _markup_key(page)  # before the screenshot, which can leave style="" behind on inputs
        if name not in _screenshots_taken:
            # Before axe is injected, so the picture is of the page as served.
            save_screenshot(page, SCREENSHOTS / f"{name}.png")
            _screenshots_taken.add(name)
        if key in _markup_passed:
            return
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol rather than added as a <script>, which the
            # service's Content-Security-Policy (no inline script) rightly blocks.
            page.evaluate(_axe_source())
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )
        violations = results["violations"]
        assert not violations, (
            f"axe-core found {len(violations)} accessibility violation(s) on {page.url} ({name}):\n"
            + format_violations(violations)
        )
        _markup_passed.add(key)

    return check


@pytest.fixture
def sign_in(page, check_page):
    """sign_in(user): type the username and password into the sign-in form, as a person would."""

    def do(user) -> None:
        page.goto("/sign-in/")
        check_page(page, "sign-in")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        follow(page.get_by_role("button", name="Sign in"))
        assert urlsplit(page.url).path != "/sign-in/", "signing in failed"

    return do


@pytest.fixture
def sign_out(page, check_page):
    """Press "Sign out" in the header (a POST form) and land on the home page, signed out."""

    def do() -> None:
        follow(page.get_by_role("button", name="Sign out"))
        assert urlsplit(page.url).path == "/"
        check_page(page, "home")
        assert page.get_by_role("link", name="Sign in").first.is_visible()

    return do
