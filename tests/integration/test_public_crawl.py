"""Every public link works: a crawl of the public site from the home page, over the demo data.

Signed out, the crawl follows every same-site link in each HTML page (`href` and `src`, and the
action of a GET form), each link in an Atom feed and each link in a JSON download, and asks for
each one once. Nothing may answer 404 or 500. A link to a page that needs signing in may answer
with the sign-in redirect; that is a working link.

The register links to 317 council pages and the open-data pages to many files of the same kind,
so after MAX_PER_KIND addresses of one kind (route name and query keys) further ones are skipped,
except the pages of every council the demo gives a plan to, which are always crawled.
"""

import json
import re
from collections import Counter, defaultdict
from html import unescape
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from plans.models import Draft

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
MAX_PER_KIND = 12
# A link is an href or src attribute, or a GET form's action.
HTML_LINK = re.compile(rb"""\s(?:href|src)=["']([^"']+)["']""")
GET_FORM = re.compile(rb"""<form\b(?=[^>]*\bmethod=["']get["'])[^>]*\baction=["']([^"']*)["']""", re.IGNORECASE)
FEED_LINK = re.compile(rb"""<link\b[^>]*\bhref=["']([^"']+)["']""")
# Served by WhiteNoise from collected files, which tests do not collect; the browser tests load them.
NOT_CRAWLED = ("/static/", "/assets/", "/favicon.ico", "/admin/")


def same_site_path(link: str, base: str) -> str | None:
    """The path and query of a link on this site, without its fragment; None for anything else."""
    link = unescape(link).strip()
    if not link or link.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
        return None
    absolute = urljoin(SITE + base, link)
    parts = urlsplit(absolute)
    if f"{parts.scheme}://{parts.netloc}" != SITE:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links_in_json(value) -> list[str]:
    if isinstance(value, dict):
        return [link for item in value.values() for link in links_in_json(item)]
    if isinstance(value, list):
        return [link for item in value for link in links_in_json(item)]
    if isinstance(value, str) and (value.startswith("/") or value.startswith(SITE + "/")):
        return [value]
    return []


def links_in(response, path: str) -> list[str]:
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith("text/html"):
        found = HTML_LINK.findall(body) + GET_FORM.findall(body)
    elif "atom" in content_type or "rss" in content_type:
        found = FEED_LINK.findall(body)
    elif content_type.startswith("application/json"):
        return [link for link in map(lambda s: same_site_path(s, path), links_in_json(json.loads(body))) if link]
    else:
        return []
    return [link for link in (same_site_path(raw.decode(), path) for raw in found) if link]


def kind_of(path: str) -> str:
    parts = urlsplit(path)
    try:
        name = resolve(parts.path).view_name
    except Resolver404:
        name = parts.path  # a published file served by the middleware, or a missing page
    extension = parts.path.rsplit("/", 1)[-1].partition(".")[2]  # plan.pdf and plan.json are kinds of their own
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{name}.{extension}?{'&'.join(keys)}"


def crawl(client, start: str, always: tuple[str, ...]):
    """Ask for every same-site link reachable from `start`. Returns {path: status}, {path: found on}."""
    seen: dict[str, int] = {}
    found_on: dict[str, str] = {start: "(start)"}
    per_kind: Counter = Counter()
    skipped: defaultdict[str, int] = defaultdict(int)
    queue = [start]
    while queue:
        path = queue.pop(0)
        if path in seen or path.startswith(NOT_CRAWLED):
            continue
        kind = kind_of(path)
        if per_kind[kind] >= MAX_PER_KIND and not any(code in path for code in always):
            skipped[kind] += 1
            continue
        per_kind[kind] += 1
        response = client.get(path)
        seen[path] = response.status_code
        if response.status_code in (301, 302, 303, 307, 308):
            targets = [same_site_path(response["Location"], path)]
        elif response.status_code == 200:
            targets = links_in(response, path)
        else:
            targets = []
        for target in targets:
            if target and target not in seen:
                found_on.setdefault(target, path)
                queue.append(target)
    return seen, found_on, per_kind, skipped


def test_every_public_link_from_the_home_page_answers_without_a_404_or_500(client):
    call_command("load_demo_data", "--quiet-sign-ins")
    demo_codes = tuple(sorted(set(Draft.objects.values_list("council__gss_code", flat=True))))
    assert len(demo_codes) >= 14

    seen, found_on, per_kind, _ = crawl(client, "/", always=demo_codes)

    broken = {path: (status, found_on[path]) for path, status in seen.items() if status >= 400}
    assert not broken, "\n".join(f"{status} for {path} (linked from {page})" for path, (status, page) in broken.items())
    # Every council page of the demo with a plan was reached by following links.
    for code in demo_codes:
        assert seen.get(f"/councils/{code}/") == 200, f"the council page of {code} was not reached"
    # And every kind of public page, download and feed.
    kinds = {kind.split(".")[0].split("?")[0] for kind in per_kind}
    for name in [
        "portal:home",
        "portal:council_list",
        "portal:council_detail",
        "portal:council_feed",
        "portal:publications_feed",
        "portal:open_data",
        "portal:register_download",
        "portal:dataset_download",
        "portal:published_plan",
        "portal:plan_download",
        "portal:subscribe",
        "portal:accessibility",
        "portal:audit_heads",
        "portal:audit_heads_feed",
        "portal:audit_public_key",
        "meetings:public_agendas",
        "meetings:public_agenda",
        "meetings:agenda_pack",
        "governance:decision_record",
        "portal:publication_file",
        "accounts:sign_in",
    ]:
        assert name in kinds, f"no {name} page was reached from the home page"
    for extension in ("pdf", "csv", "json"):
        assert any(path.split("?")[0].endswith(f".{extension}") and status == 200 for path, status in seen.items())
