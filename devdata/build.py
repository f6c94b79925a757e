"""Builds the demo through the real services, so the demo exercises the production paths.

Safe to run again: it creates what is missing and leaves everything else alone, including
anything a person has changed in the demo since (a council that already has a draft is
not touched).
"""

import datetime
import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from councils.selectors import council_by_code
from councils.services import grant_council_role, load_council_register
from devdata.analysis_demo import build_analysis_demo
from devdata.authoring import BARRIERS, COMMITMENTS, SPEND_EVIDENCE
from devdata.cast import COUNCIL_PEOPLE, DEMO_PASSWORD, DEPARTMENT_USERS, OTHER_COUNCIL_ROLES
from devdata.governance_demo import build_governance
from devdata.meetings_demo import build_meetings
from devdata.monitoring_demo import build_monitoring_demo
from devdata.plan_texts import PLAN_TEXTS
from devdata.publication_demo import write_demo_publication_files
from devdata.scenario import SCENARIO
from devdata.submissions_demo import build_submissions_demo
from governance.services.decisions import record_decision
from plans.models import BarrierCategory
from plans.rendering import request_render
from plans.selectors import draft_for, return_by_slug
from plans.services import (
    add_barrier,
    add_commitment,
    define_returns_from_files,
    freeze_draft,
    save_draft,
    save_spend_evidence,
    start_draft,
)
from submissions.services import publish_version, submit_version

RETURN_SLUG = "productivity-plan-2024"


@functools.cache
def _demo_password_hash() -> str:
    # Hash once: the demo has dozens of people and each hash takes a good fraction of a second.
    return make_password(DEMO_PASSWORD)


def _user(username, first_name, last_name, job_title, department_role=""):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "job_title": job_title,
            "department_role": department_role,
            "email": f"{username}@example.gov.uk",
        },
    )
    if created:
        user.password = _demo_password_hash()
        if department_role == "administrator":
            user.is_staff = user.is_superuser = True
        user.save()
    return user


def _council_slug(council) -> str:
    return council.name.lower().replace(",", "").replace(".", "").replace("'", "").replace(" ", "-")


def build_cast() -> dict[str, dict[str, object]]:
    """Create the demo people; returns {ons_code: {role_suffix: user}}."""
    for username, first, last, role, title in DEPARTMENT_USERS:
        _user(username, first, last, title, department_role=role)
    people: dict[str, dict[str, object]] = {}
    for prefix, (code, members) in COUNCIL_PEOPLE.items():
        council = council_by_code(code)
        for suffix, first, last, roles, title in members:
            user = _user(f"{prefix}-{suffix}", first, last, title)
            for role in roles:
                grant_council_role(user=user, council=council, role=role)
            people.setdefault(code, {})[suffix] = user
    for code in SCENARIO:
        if code in people:
            continue
        council = council_by_code(code)
        prefix = _council_slug(council)
        for suffix, roles, title in OTHER_COUNCIL_ROLES:
            user = _user(f"{prefix}-{suffix}", "Demo", f"{title} ({council.name})", title)
            for role in roles:
                grant_council_role(user=user, council=council, role=role)
            people.setdefault(code, {})[suffix] = user
    return people


def build_plan(*, code: str, steps: dict, people: dict) -> str:
    """Take one council as far as its scenario says. Returns what was done, for the log."""
    council = council_by_code(code)
    return_definition = return_by_slug(RETURN_SLUG)
    if draft_for(council=council, return_definition=return_definition) is not None:
        return f"{council.name}: already has a draft, left as it is"
    author, clerk, director = people["author"], people["democratic-services"], people["executive-director"]
    with transaction.atomic():
        draft = start_draft(council=council, return_definition=return_definition, actor=author, at=steps["started"])
        draft = save_draft(
            draft=draft,
            bodies=PLAN_TEXTS[code],
            based_on_revision=draft.revision,
            actor=author,
            at=steps["started"] + datetime.timedelta(days=7),
        )
        written = steps["started"] + datetime.timedelta(days=8)
        if code in SPEND_EVIDENCE:
            save_spend_evidence(draft=draft, actor=author, at=written, **SPEND_EVIDENCE[code])
        for slug, description, ask in BARRIERS.get(code, []):
            category = BarrierCategory.objects.get(slug=slug)
            add_barrier(draft=draft, category=category, description=description, ask=ask, actor=author, at=written)
        for action, owner, due_on, measure, baseline, target in COMMITMENTS.get(code, []):
            add_commitment(
                draft=draft,
                action=action,
                owner=owner,
                due_on=due_on,
                measure=measure,
                baseline=baseline,
                target=target,
                actor=author,
                at=written,
            )
        draft.refresh_from_db()
        done = "draft"
        if "frozen" in steps:
            version = freeze_draft(draft=draft, actor=author, at=steps["frozen"])
            done = "frozen"
            if "decision" in steps:
                decision = steps["decision"]
                decided_on = datetime.date.fromisoformat(decision["on"])
                record_decision(
                    version=version,
                    outcome=decision["outcome"],
                    decision_maker=decision["maker"],
                    decided_on=decided_on,
                    resolution=decision.get("resolution", ""),
                    actor=clerk,
                    at=steps["frozen"].replace(
                        year=decided_on.year, month=decided_on.month, day=decided_on.day, hour=20
                    ),
                )
                done = f"decision ({decision['outcome']})"
            if "submitted" in steps:
                # The chief executive certifies that this is the version members endorsed.
                submit_version(
                    version=version,
                    actor=director,
                    certifier_role="chief_executive",
                    at=steps["submitted"],
                    send_receipt=False,
                )
                done = "submitted"
            if "published" in steps:
                publish_version(version=version, actor=clerk, at=steps["published"])
                done = "published"
    return f"{council.name}: {done}"


def build_demo(log=print) -> None:
    define_returns_from_files()
    result = load_council_register(path=settings.COUNCILS_CSV)
    log(f"Register of councils: {result.total} councils ({result.created} added, {result.updated} updated)")
    people = build_cast()
    for code, steps in SCENARIO.items():
        log("  " + build_plan(code=code, steps=steps, people=people[code]))
    # Dorset's and Somerset's PDFs are printed by the task worker, so their page counts show in the checks.
    return_definition = return_by_slug(RETURN_SLUG)
    for code in ("E06000059", "E06000066"):
        request_render(draft_for(council=council_by_code(code), return_definition=return_definition))
    build_governance(people=people, log=log)
    build_submissions_demo(log=log)
    build_meetings(people=people, log=log)  # after the plans (and the governance demo): agendas need reports
    analyst = get_user_model().objects.get(username="department-analyst")
    build_analysis_demo(actor=analyst, exclude=SCENARIO, log=log)
    build_monitoring_demo(analyst=analyst, people=people, log=log)
    write_demo_publication_files(log=lambda line: log("  " + line))
