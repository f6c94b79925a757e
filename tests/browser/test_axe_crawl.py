"""An axe crawl signed in as every role: each person signs in, then every page reachable by links from their
first page and their navigation (breadth first, same site, GET only) is opened in Chromium and checked by
axe-core for WCAG 2.2 AA: zero violations. `make test` opens up to CRAWL_PAGES pages a role (6 by default);
`.ci/run` opens 25.
"""

import os
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.browser import test_worklist

# Fixtures: Dorset's people, and their plan at every stage with its report and checklist, a coming meeting and
# an unconfirmed upload.
cast, work = test_worklist.cast, test_worklist.work

PAGES_PER_ROLE = int(os.environ.get("CRAWL_PAGES", "6"))
# Not pages: files, the API, and links that act (signing out is a form; these are downloads or feeds).
SKIP = ("/api/", "/published/", "/static/", "/assets/", "/admin/", "/sign-out", "/media/")
SKIP_ENDINGS = (".pdf", ".csv", ".json", ".xml", ".atom", ".zip", ".docx", ".txt", ".pem", "/feed/")


def _links(page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    out = []
    for href in hrefs:
        path = urldefrag(href)[0]
        if not path.startswith("/") or path.startswith("//"):
            continue
        if path.startswith(SKIP) or urlsplit(path).path.endswith(SKIP_ENDINGS) or "download" in path:
            continue
        out.append(path)
    return out


def crawl(page, check_page, role: str, limit: int) -> list[str]:
    """Check the page the person landed on, then open pages breadth first from it; return the paths opened."""
    start = urlsplit(page.url).path
    check_page(page, f"crawl-{role}-1")
    opened, seen = [start], {start}
    queue = deque(link for link in _links(page) if not (link in seen or seen.add(link)))
    while queue and len(opened) < limit:
        path = queue.popleft()
        response = page.goto(path)
        assert response is not None and response.status == 200, (
            f"{role}: {path} answered {response and response.status}"
        )
        opened.append(path)
        check_page(page, f"crawl-{role}-{len(opened)}")
        for link in _links(page):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return opened


@pytest.mark.parametrize("role", ["author", "clerk", "mo", "s151", "chief", "member", "analyst", "panel"])
def test_every_page_a_role_reaches_from_its_first_page_has_no_accessibility_violation(
    page,
    check_page,
    sign_in,
    cast,
    work,
    analyst,
    panel_member,
    role,
):
    person = {"analyst": analyst, "panel": panel_member}.get(role) or cast[role]
    sign_in(person)
    opened = crawl(page, check_page, role, PAGES_PER_ROLE)
    assert len(opened) >= min(PAGES_PER_ROLE, 3), f"{role} reached only {opened}"
