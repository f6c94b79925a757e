"""The cluster suite's data, made through the service's own functions in the cluster's database and store.

Run by tests/cluster/conftest.py with the cluster's environment (`python -m tests.cluster.scenario`); prints what
it made as JSON. Everything the tests then do goes through nginx or an app server, as people would.
"""

import json
import os
import sys

import django

PASSWORD = "cluster-suite-password-2024"
RACING_COUNCILS = 12
THEMES = {
    1: "We joined three contact centres into one and moved most routine requests online, which saves money each year.",
    2: "A shared data platform now brings housing, benefits and council tax records together for case officers.",
    3: "Agency staff were 2.1% of the pay budget and consultants 0.8%; equality training covers the statutory duty.",
    4: "One-year settlements stop us planning ahead; we ask for multi-year funding and fewer competitive grant rounds.",
}


def make() -> dict:
    from django.conf import settings
    from django.utils import timezone

    from accounts.models import User
    from councils.models import Council
    from councils.services import grant_council_role, load_council_register
    from governance.services.decisions import record_decision
    from plans.services import define_returns_from_files, freeze_draft, save_draft, start_draft
    from submissions.services import submit_version

    load_council_register(path=settings.COUNCILS_CSV)
    (plan_return,) = [r for r in define_returns_from_files() if r.slug == "productivity-plan-2024"]

    def person(username, council=None, roles=(), department_role=""):
        user = User.objects.create_user(
            username=username,
            password=PASSWORD,
            first_name=username.split("-")[0].title(),
            last_name="Officer",
            email=f"{username}@example.gov.uk",
            department_role=department_role,
        )
        for role in roles:
            grant_council_role(user=user, council=council, role=role)
        return username

    def endorsed(council, author, clerk):
        draft = start_draft(council=council, return_definition=plan_return, actor=author)
        draft = save_draft(draft=draft, bodies=dict(THEMES), based_on_revision=draft.revision, actor=author)
        version = freeze_draft(draft=draft, actor=author)
        record_decision(
            version=version, outcome="approved", decision_maker="Cabinet", decided_on=timezone.localdate(), actor=clerk
        )
        return version

    councils = list(Council.objects.order_by("gss_code"))
    to_submit, to_publish, in_outage = councils[0], councils[1], councils[2]
    racing = councils[3 : 3 + RACING_COUNCILS]
    users = {}
    for council, key in ((to_submit, "submit"), (to_publish, "publish"), (in_outage, "outage")):
        users[key] = {
            "author": person(f"{key}-author", council, ["plan_author"]),
            "clerk": person(f"{key}-clerk", council, ["democratic_services"]),
            "chief": person(f"{key}-chief-executive", council, ["chief_executive"]),
        }
    get = User.objects.get
    version_to_submit = endorsed(to_submit, get(username="submit-author"), get(username="submit-clerk"))
    version_to_publish = endorsed(to_publish, get(username="publish-author"), get(username="publish-clerk"))
    version_in_outage = endorsed(in_outage, get(username="outage-author"), get(username="outage-clerk"))
    for version, key in ((version_to_publish, "publish"), (version_in_outage, "outage")):
        submit_version(version=version, actor=get(username=f"{key}-chief-executive"), certifier_role="chief_executive")

    authors = []
    for council in racing:
        username = person(f"author-{council.gss_code.lower()}", council, ["plan_author"])
        draft = start_draft(council=council, return_definition=plan_return, actor=get(username=username))
        authors.append({"username": username, "draft_id": draft.pk, "council": council.gss_code})

    return {
        "password": PASSWORD,
        "analyst": person("cluster-analyst", department_role="analyst"),
        "return_slug": plan_return.slug,
        "submit": {"council": to_submit.gss_code, "version_id": version_to_submit.pk, **users["submit"]},
        "publish": {"council": to_publish.gss_code, "version_id": version_to_publish.pk, **users["publish"]},
        "outage": {"council": in_outage.gss_code, "version_id": version_in_outage.pk, **users["outage"]},
        "racing_authors": authors,
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    json.dump(make(), sys.stdout)
