"""Open data: the register of councils' statuses and published plans' structured content, as rows.

One set of row builders for the CSV and JSON downloads and for the API, so every copy says the same.
Only published plans' content appears; the register gives each council's stage, which is public.
"""

from councils.selectors import search_councils
from portal import selectors
from submissions.models import Stage
from submissions.publishing import LICENCE, file_url, latest_url

DATASETS = ("themes", "commitments", "barriers", "spend")

REGISTER_COLUMNS = [
    "ons_code",
    "council",
    "type",
    "region",
    "status",
    "on_time",
    "endorsed_on",
    "submitted_at",
    "published_at",
    "content_hash",
    "plan_url",
]
COLUMNS = {
    "themes": ["ons_code", "council", "content_hash", "theme", "theme_title", "text"],
    "commitments": [
        "ons_code",
        "council",
        "content_hash",
        "action",
        "owner",
        "due_on",
        "theme",
        "measure",
        "baseline",
        "target",
    ],
    "barriers": ["ons_code", "council", "content_hash", "category", "category_label", "description", "ask"],
    "spend": [
        "ons_code",
        "council",
        "content_hash",
        "year",
        "staff_budget",
        "agency_spend",
        "consultant_spend",
        "agency_share_percent",
        "consultant_share_percent",
        "edi_statement",
    ],
}
PLAN_COLUMNS = [
    "part",
    "theme",
    "title",
    "text",
    "category",
    "ask",
    "owner",
    "due_on",
    "measure",
    "baseline",
    "target",
    "amount",
    "share_of_staff_budget_percent",
]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def register_rows(return_definition) -> list[dict]:
    """Every council's stage on a return (317 rows), with the published plan's address where there is one."""
    statuses = selectors.statuses_of(return_definition)
    latest = {p.council_id: p for p in selectors.latest_publications(return_definition=return_definition)}
    rows = []
    for council in search_councils():
        status = statuses.get(council.pk)
        publication = latest.get(council.pk)
        rows.append(
            {
                "ons_code": council.gss_code,
                "council": council.name,
                "type": council.authority_type,
                "region": council.region,
                "status": status.stage if status else Stage.NOT_STARTED.value,
                "on_time": status.on_time if status else None,
                "endorsed_on": _iso(status.endorsed_on) if status else None,
                "submitted_at": _iso(status.submitted_at) if status else None,
                "published_at": _iso(publication.published_at) if publication else None,
                "content_hash": publication.content_hash if publication else None,
                "plan_url": file_url(publication.content_hash, "html") if publication else None,
            }
        )
    return rows


def _plan_rows(publication, dataset: str) -> list[dict]:
    content = publication.version.content
    base = {
        "ons_code": publication.council.gss_code,
        "council": publication.council.name,
        "content_hash": publication.content_hash,
    }
    if dataset == "themes":
        return [
            {**base, "theme": s["theme"], "theme_title": s["title"], "text": s["body"]} for s in content["sections"]
        ]
    if dataset == "commitments":
        return [
            {**base, **{key: c.get(key) for key in COLUMNS["commitments"][3:]}} for c in content.get("commitments", [])
        ]
    if dataset == "barriers":
        return [{**base, **{key: b.get(key) for key in COLUMNS["barriers"][3:]}} for b in content.get("barriers", [])]
    evidence = content.get("spend_evidence")
    return [{**base, **{key: evidence.get(key) for key in COLUMNS["spend"][3:]}}] if evidence else []


def dataset_rows(return_definition, dataset: str, *, council_code: str = "") -> list[dict]:
    """One dataset across every council's latest published plan of a return."""
    rows = []
    for publication in selectors.latest_publications(return_definition=return_definition):
        if council_code and publication.council.gss_code != council_code.upper():
            continue
        rows += _plan_rows(publication, dataset)
    return rows


def plan_rows(publication) -> list[dict]:
    """One published plan's structured content as rows: themes, spend, barriers, commitments."""
    content = publication.version.content
    rows = [{"part": "theme", "theme": s["theme"], "title": s["title"], "text": s["body"]} for s in content["sections"]]
    evidence = content.get("spend_evidence")
    if evidence:
        rows.append(
            {
                "part": "spend",
                "theme": 3,
                "title": f"Total staff budget {evidence['year']}",
                "amount": evidence["staff_budget"],
                "share_of_staff_budget_percent": "100",
            }
        )
        rows.append(
            {
                "part": "spend",
                "theme": 3,
                "title": "Agency workers",
                "amount": evidence["agency_spend"],
                "share_of_staff_budget_percent": evidence["agency_share_percent"],
            }
        )
        rows.append(
            {
                "part": "spend",
                "theme": 3,
                "title": "Consultants",
                "amount": evidence["consultant_spend"],
                "share_of_staff_budget_percent": evidence["consultant_share_percent"],
            }
        )
        if evidence.get("edi_statement"):
            rows.append(
                {
                    "part": "spend",
                    "theme": 3,
                    "title": "Equality, diversity and inclusion",
                    "text": evidence["edi_statement"],
                }
            )
    for barrier in content.get("barriers", []):
        rows.append(
            {
                "part": "barrier",
                "theme": 4,
                "title": barrier["category_label"],
                "category": barrier["category"],
                "text": barrier["description"],
                "ask": barrier["ask"],
            }
        )
    for c in content.get("commitments", []):
        rows.append(
            {
                "part": "commitment",
                "theme": c.get("theme"),
                "title": c["action"],
                "owner": c["owner"],
                "due_on": c["due_on"],
                "measure": c["measure"],
                "baseline": c["baseline"],
                "target": c["target"],
            }
        )
    return [{column: row.get(column) for column in PLAN_COLUMNS} for row in rows]


def document(*, title: str, rows: list[dict], **extra) -> dict:
    return {"title": title, "licence": LICENCE, **extra, "rows": rows}


def publication_summary(publication) -> dict:
    return {
        "council": publication.council.gss_code,
        "council_name": publication.council.name,
        "return_slug": publication.return_definition.slug,
        "version": publication.version.number,
        "content_hash": publication.content_hash,
        "published_at": publication.published_at,
        "replaces": publication.replaces.content_hash if publication.replaces_id else None,
        "html_url": file_url(publication.content_hash, "html"),
        "pdf_url": file_url(publication.content_hash, "pdf"),
        "json_url": file_url(publication.content_hash, "json"),
        "latest_url": latest_url(publication.council.gss_code, publication.return_definition.slug),
        "file_hashes": dict(publication.file_hashes),
    }
