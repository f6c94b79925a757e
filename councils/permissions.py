"""Who may do what: the one place the service decides permissions.

Every permission is checked against a council (the council that owns the thing being
read or changed) with `user.has_perm(permission, council)`. Each app's `access.py`
fetches objects and asks these questions; views never decide for themselves.

| permission                      | who                                                   |
|---------------------------------|-------------------------------------------------------|
| plans.view_council_work         | anyone who works for the council                      |
| plans.edit_draft                | the council's plan authors and executive directors    |
| plans.freeze_draft              | the council's plan authors and executive directors    |
| governance.record_decision      | the council's democratic services officers            |
| submissions.submit_return       | the council's chief executive, executive directors    |
|                                 | and s151 officers                                     |
| submissions.publish_plan        | the council's democratic services officers and authors|
| submissions.read_returns        | department staff (analysts, panel, administrators)    |
| governance.write_report         | the council's authors, executive directors and        |
|                                 | democratic services officers                          |
| governance.configure_checklist  | the council's democratic services officers: settings, |
|                                 | named people on checklist lines, consultees, scrutiny |
| governance.amend_under_delegation | only the officer a delegation names (checked on the |
|                                 | Delegation object, never granted by a role)           |
| analysis.read_corpus            | department staff: the corpus of plan documents, what  |
|                                 | the analysis found, and its runs                      |
| analysis.import_documents       | department analysts and administrators                |
| analysis.run_analysis           | department analysts and administrators                |
| submissions.certify_return      | the council's chief executive and s151 officers (an   |
|                                 | executive director prepares, but does not certify)    |
| submissions.manage_returns      | department analysts and administrators: grant         |
|                                 | extensions, chase councils                            |
| meetings.manage_meetings        | the council's democratic services officers: meetings, |
|                                 | agenda items, publishing the agenda pack              |
| core.read_audit_log             | department staff: the audit log and its verification  |
| analysis.review_tags            | department analysts and administrators: confirm,      |
|                                 | correct or remove a passage's themes, barriers and    |
|                                 | figures (the panel reads the explorer, not review)    |
| monitoring.manage_figures       | the council's performance leads and plan authors:     |
|                                 | load its figures, link commitments to metrics, write  |
|                                 | commentary, choose whether figures wait for approval  |
| monitoring.approve_figures      | the council's chief executive and executive directors:|
|                                 | publish figures held back for the council's approval  |
| monitoring.read_monitoring      | department staff: progress across all councils        |
| monitoring.load_national_figures| department analysts and administrators: load figures  |
|                                 | for any council                                       |
"""

import rules

from councils.models import CouncilRole, Membership


def _roles_at(user, council) -> set[str]:
    if not getattr(user, "is_authenticated", False) or council is None:
        return set()
    return set(Membership.objects.filter(user=user, council=council).values_list("role", flat=True))


@rules.predicate
def works_for_council(user, council) -> bool:
    return bool(_roles_at(user, council))


def holds_role(*roles: str):
    wanted = set(roles)

    @rules.predicate(name=f"holds_role({', '.join(sorted(wanted))})")
    def predicate(user, council) -> bool:
        return bool(_roles_at(user, council) & wanted)

    return predicate


@rules.predicate
def is_department_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "department_role", ""))


can_author = holds_role(CouncilRole.PLAN_AUTHOR, CouncilRole.EXECUTIVE_DIRECTOR)

rules.add_perm("plans.view_council_work", works_for_council)
rules.add_perm("plans.edit_draft", can_author)
rules.add_perm("plans.freeze_draft", can_author)
rules.add_perm("governance.record_decision", holds_role(CouncilRole.DEMOCRATIC_SERVICES))
rules.add_perm(
    "submissions.submit_return",
    holds_role(CouncilRole.CHIEF_EXECUTIVE, CouncilRole.EXECUTIVE_DIRECTOR, CouncilRole.SECTION_151_OFFICER),
)
rules.add_perm("submissions.publish_plan", holds_role(CouncilRole.DEMOCRATIC_SERVICES, CouncilRole.PLAN_AUTHOR))
rules.add_perm("submissions.read_returns", is_department_staff)


@rules.predicate
def is_returns_manager(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "department_role", "") in {"analyst", "administrator"}
    )


rules.add_perm("submissions.certify_return", holds_role(CouncilRole.CHIEF_EXECUTIVE, CouncilRole.SECTION_151_OFFICER))
rules.add_perm("submissions.manage_returns", is_returns_manager)

# Governance: decision reports, assurance checklists, decisions. Completing a checklist line is
# checked against the person named on the line (governance.access), not against a role.
rules.add_perm(
    "governance.write_report",
    holds_role(CouncilRole.PLAN_AUTHOR, CouncilRole.EXECUTIVE_DIRECTOR, CouncilRole.DEMOCRATIC_SERVICES),
)
rules.add_perm("governance.configure_checklist", holds_role(CouncilRole.DEMOCRATIC_SERVICES))


@rules.predicate
def is_delegated_officer(user, delegation) -> bool:
    """The officer a decision named in a delegation (checked on the delegation, not the council)."""
    officer_id = getattr(delegation, "officer_id", None)
    return bool(getattr(user, "is_authenticated", False) and officer_id is not None and officer_id == user.pk)


rules.add_perm("governance.amend_under_delegation", is_delegated_officer)
rules.add_perm("meetings.manage_meetings", holds_role(CouncilRole.DEMOCRATIC_SERVICES))
rules.add_perm("core.read_audit_log", is_department_staff)


@rules.predicate
def is_department_analyst(user) -> bool:
    """Department analysts and administrators: the people who import plans and run the analysis."""
    return is_department_staff(user) and user.department_role in ("analyst", "administrator")


rules.add_perm("analysis.read_corpus", is_department_staff)
rules.add_perm("analysis.import_documents", is_department_analyst)
rules.add_perm("analysis.run_analysis", is_department_analyst)
rules.add_perm("analysis.review_tags", is_department_analyst)

# Monitoring performance against the plans. Any of the council's people may read its monitoring pages
# (plans.view_council_work); these say who changes them.
rules.add_perm("monitoring.manage_figures", holds_role(CouncilRole.PERFORMANCE_LEAD, CouncilRole.PLAN_AUTHOR))
rules.add_perm("monitoring.approve_figures", holds_role(CouncilRole.CHIEF_EXECUTIVE, CouncilRole.EXECUTIVE_DIRECTOR))
rules.add_perm("monitoring.read_monitoring", is_department_staff)
rules.add_perm("monitoring.load_national_figures", is_department_analyst)
