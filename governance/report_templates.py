"""Report templates and checklist lines, as data.

A council picks a report template in its governance settings. Each template is a list of
sections: a key (where officers' text is stored on the report), a heading, a hint shown beside
the text box, and a kind:

- ``text``: officers write it;
- ``themes``: officers write it, and the plan's themes are listed under it from the version;
- ``scrutiny``: officers may write it, and scrutiny's recorded comments are shown under it;
- ``appendices``: the plan version is listed as Appendix A, then anything officers add;
- ``checklist``: the assurance checklist, filled in from the sign-offs (nothing to write).

``group`` puts consecutive sections under one heading (e.g. "Implications"). Changing a heading
here changes how reports read, not what they store: text is kept by key.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    hint: str = ""
    kind: str = "text"
    group: str = ""
    default: str = ""
    required: bool = False


@dataclass(frozen=True)
class ReportTemplate:
    key: str
    name: str
    description: str
    sections: list[Section] = field(default_factory=list)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def writable(self) -> list[Section]:
        return [s for s in self.sections if s.kind != "checklist"]


NO_DIRECT_IMPLICATIONS = "There are no direct implications from endorsing the plan."

CABINET_REPORT = ReportTemplate(
    key="cabinet_report",
    name="Cabinet report",
    description="A report to Cabinet for decision: summary, recommendation and reasons up front, then the "
    "background, the plan's content theme by theme, implications, risk, equalities and sign-off.",
    sections=[
        Section("summary", "Brief summary", "Two or three sentences: what is asked for and why now.", required=True),
        Section("recommendation", "Recommendation", "What Cabinet is asked to agree, in one sentence.", required=True),
        Section("reasons", "Reason for the recommendation", "Why members should agree it.", required=True),
        Section("background", "Background", "What the government asked for, by when, and how plans will be used."),
        Section(
            "proposed_content",
            "Proposed content of the plan",
            "How the plan answers each theme. The themes are listed below your text from the plan version.",
            kind="themes",
        ),
        Section(
            "financial",
            "Financial",
            "Costs or savings from agreeing the plan.",
            group="Implications",
            default=NO_DIRECT_IMPLICATIONS,
        ),
        Section(
            "environment",
            "Natural environment, climate and ecology",
            group="Implications",
            default=NO_DIRECT_IMPLICATIONS,
        ),
        Section("wellbeing", "Wellbeing and health", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("other_implications", "Other implications", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("risk_current", "Current risk", "The level (low, medium, high) and why.", group="Risk assessment"),
        Section(
            "risk_residual",
            "Residual risk",
            "The level once the recommendation is agreed, and why.",
            group="Risk assessment",
        ),
        Section("equalities", "Equalities impact assessment", "Whether an assessment is needed, and its result."),
        Section("appendices", "Appendices", "Anything attached besides the plan (Appendix A).", kind="appendices"),
        Section("background_papers", "Background papers", "Published papers the report relies on."),
        Section("sign_off", "Report sign-off", kind="checklist"),
    ],
)

EXECUTIVE_DECISION_REPORT = ReportTemplate(
    key="executive_decision_report",
    name="Executive decision report",
    description="A decision report to the Executive: executive summary, recommendations and reasons, links to "
    "the council plan, options, scrutiny, consultation, each implication in turn, and the assurance checklist.",
    sections=[
        Section("summary", "Executive summary", "What is asked for and why.", required=True),
        Section(
            "recommendation",
            "Recommendations",
            "What the Executive is asked to agree, including any delegation for minor amendments.",
            required=True,
        ),
        Section("reasons", "Reasons for the recommendations", required=True),
        Section("background", "Background and purpose of the report"),
        Section("council_plan", "Links to the council plan and medium-term financial plan"),
        Section("alternatives", "Other options considered", "Options rejected and why."),
        Section("scrutiny", "Scrutiny comments and recommendations", kind="scrutiny"),
        Section("consultation", "Consultation and feedback"),
        Section("financial", "Financial and risk", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("legal", "Legal and procurement", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("workforce", "HR and workforce", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("equalities", "Equalities", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("community_safety", "Community safety", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("climate", "Climate change and sustainability", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("health_safety", "Health and safety", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("wellbeing", "Health and wellbeing", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("social_value", "Social value", group="Implications", default=NO_DIRECT_IMPLICATIONS),
        Section("background_papers", "Background papers"),
        Section("appendices", "Appendices", "Anything attached besides the plan (Appendix A).", kind="appendices"),
        Section("checklist", "Report assurance checklist", kind="checklist"),
    ],
)

TEMPLATES = {t.key: t for t in (CABINET_REPORT, EXECUTIVE_DECISION_REPORT)}


def template_for(key: str) -> ReportTemplate:
    return TEMPLATES.get(key, CABINET_REPORT)


@dataclass(frozen=True)
class LineSpec:
    key: str
    label: str
    kind: str  # "sign_off" or "consultee"
    role: str = ""
    only_if_implications: bool = False


# Every line a council may put on its checklist. The monitoring officer and the section 151
# officer lines must name different people (Local Government and Housing Act 1989, s5(1A)).
CHECKLIST_LINES = [
    LineSpec("legal", "Legal and governance (monitoring officer)", "sign_off", "monitoring_officer"),
    LineSpec("finance", "Finance (section 151 officer)", "sign_off", "section_151_officer"),
    LineSpec("workforce", "Workforce", "sign_off", "workforce_lead", only_if_implications=True),
    LineSpec("assets", "Asset management", "sign_off", "asset_management_lead", only_if_implications=True),
    LineSpec("executive_director", "Executive director", "sign_off", "executive_director"),
    LineSpec("lead_member", "Lead member (portfolio holder)", "sign_off", "lead_member"),
    LineSpec("local_members", "Local members informed", "consultee", only_if_implications=True),
    LineSpec("opposition", "Opposition spokesperson informed", "consultee"),
    LineSpec("scrutiny_chair", "Scrutiny chair informed", "consultee"),
]
LINE_SPECS = {spec.key: spec for spec in CHECKLIST_LINES}
STATUTORY_PAIR = ("legal", "finance")

DEFAULT_SETTINGS = {
    "report_template": "cabinet_report",
    "decision_maker": "Cabinet",
    "call_in_working_days": 5,
    "checklist_lines": [spec.key for spec in CHECKLIST_LINES],
    "minor_amendment_threshold_percent": 10,
}
MAX_CALL_IN_WORKING_DAYS = 30
