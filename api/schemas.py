import datetime
import re
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import WithJsonSchema, field_validator


class Error(Schema):
    detail: str


class RefusalOut(Schema):
    """A step the service's rules refused (`core.refusals.Refusal`): why, and the field it concerns, if any."""

    detail: str
    field: str | None = None


class CouncilOut(Schema):
    ons_code: str
    name: str
    type: str
    type_label: str
    region: str
    county_ons_code: str | None
    url: str


class CouncilStatusOut(Schema):
    ons_code: str
    name: str
    type: str
    region: str
    status: str
    status_label: str
    on_time: bool | None
    endorsed_on: datetime.date | None
    submitted_at: datetime.datetime | None
    published_at: datetime.datetime | None
    content_hash: str | None


class ReturnStatusOut(Schema):
    slug: str
    title: str
    deadline: datetime.date
    counts: dict[str, int]
    councils: list[CouncilStatusOut]


class MeOut(Schema):
    username: str
    name: str
    department_role: str | None
    council: str | None
    council_roles: list[str]


# --- Plans (api/plans.py) ------------------------------------------------------------------


class FieldError(Schema):
    """One problem with the request, in the shape django-ninja uses for its own validation errors."""

    type: str
    loc: list[str | int]
    msg: str


class ValidationErrorOut(Schema):
    detail: list[FieldError]


class PlanStartIn(Schema):
    council: str = Field(description="The council's ONS code, e.g. E06000059", min_length=1, max_length=20)
    return_slug: str = Field(
        alias="return", description="The return's slug, e.g. productivity-plan-2024", min_length=1, max_length=80
    )


class PlanIdOut(Schema):
    id: int


class PlanSummaryOut(Schema):
    id: int
    council: str = Field(description="The council's ONS code")
    council_name: str
    return_slug: str = Field(alias="return")
    revision: int
    updated_at: datetime.datetime


class SectionOut(Schema):
    key: str = Field(description="`intro`, or the theme number")
    title: str
    text: str


class SectionIn(Schema):
    text: str = Field(description="The section's whole text (Markdown); it replaces what is there")
    revision: int | None = Field(
        None,
        description="The plan's revision you read (GET gives it, with the same value as its ETag). Send it, or "
        "send the ETag in an If-Match header: a write that does not say what it read is refused (428), and one "
        "based on an older revision gets the current text back (409 with `revision`, 412 with If-Match).",
    )


class EditConflictOut(Schema):
    """Someone saved the plan after the revision you read: nothing was written; here is what is there now."""

    detail: str
    current_revision: int
    updated_by: str
    updated_at: datetime.datetime
    sections: list[SectionOut]


def _pounds(**bound) -> WithJsonSchema:
    """Money is a JSON number of pounds (pence allowed); strings are refused, so say so in the OpenAPI."""
    return WithJsonSchema({"type": "number", "multipleOf": 0.01, "maximum": 999_999_999_999.99, **bound})


class SpendEvidenceIn(Schema):
    year: str = Field(
        description="Financial year, two years in a row, e.g. 2023/24",
        examples=["2023/24"],
        json_schema_extra={"pattern": r"^20\d\d/\d\d$"},
    )
    staff_budget: Annotated[Decimal, _pounds(exclusiveMinimum=0)] = Field(
        gt=0, max_digits=14, decimal_places=2, description="Total staff budget, in pounds"
    )
    agency_spend: Annotated[Decimal, _pounds(minimum=0)] = Field(
        ge=0, max_digits=14, decimal_places=2, description="Agency spend, in pounds"
    )
    consultant_spend: Annotated[Decimal, _pounds(minimum=0)] = Field(
        ge=0, max_digits=14, decimal_places=2, description="Consultant spend, in pounds"
    )
    edi_statement: str = Field(default="", max_length=5000)

    @field_validator("staff_budget", "agency_spend", "consultant_spend", mode="before")
    @classmethod
    def _numbers_only(cls, value, info):
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise ValueError(f"The {info.field_name.replace('_', ' ')} must be a number of pounds, like 1400000")
        return value

    @field_validator("year")
    @classmethod
    def _consecutive_years(cls, value: str) -> str:
        if not re.fullmatch(r"20\d\d/\d\d", value):
            raise ValueError("Enter the financial year like 2023/24")
        if int(value[5:7]) != (int(value[2:4]) + 1) % 100:
            raise ValueError("The financial year must be two years in a row, like 2023/24")
        return value


class SpendEvidenceOut(Schema):
    year: str
    staff_budget: float
    agency_spend: float
    consultant_spend: float
    agency_share_percent: float | None = Field(description="Agency spend as a % of the staff budget, 2 decimals")
    consultant_share_percent: float | None = Field(
        description="Consultant spend as a % of the staff budget, 2 decimals"
    )
    edi_statement: str


class BarrierIn(Schema):
    category: str = Field(description="A barrier category id from the taxonomy, e.g. funding-certainty")
    description: str = Field(min_length=1, max_length=3000)
    ask: str = Field(min_length=1, max_length=3000, description="What the council asks the government to do")


class BarrierOut(Schema):
    id: int
    category: str
    category_label: str
    description: str
    ask: str


class CommitmentOut(Schema):
    id: int
    action: str
    owner: str
    due_on: datetime.date
    theme: int | None
    measure: str
    baseline: str
    target: str


class NextStepOut(Schema):
    action: str = Field(description="decide, certify, submit, publish or amend")
    allowed: bool = Field(description="Whether the token's owner may take this step now")
    why_not: str | None = Field(description="Why not, in the words every page uses; null when allowed")


class VersionStandingOut(Schema):
    endorsement: dict | None = Field(
        description="Members' endorsement behind the version, in effect or not: the decision, the day it takes "
        "effect, and for a version made under delegated authority the endorsed version and the amendment"
    )
    waiting: str = Field(description="Why an endorsement has not taken effect yet; empty when it has or there is none")
    deadline: datetime.date = Field(description="The council's deadline, with any extension")
    submitted: bool
    published: bool
    next_steps: list[NextStepOut]


class VersionOut(Schema):
    number: int
    content_hash: str
    frozen_at: datetime.datetime
    standing: VersionStandingOut


class FrozenVersionOut(Schema):
    number: int
    content_hash: str


class PlanDetailOut(Schema):
    id: int
    council: str
    council_name: str
    return_slug: str = Field(alias="return")
    revision: int
    updated_at: datetime.datetime
    sections: list[SectionOut]
    spend_evidence: SpendEvidenceOut | None
    commitments: list[CommitmentOut]
    barriers: list[BarrierOut]
    versions: list[VersionOut]


class CheckOut(Schema):
    id: str
    title: str
    status: str = Field(description="pass, fail or advice")
    message: str


class ChecksOut(Schema):
    page_count: int | None = Field(description="Pages in the rendered PDF of the current text; null if not rendered")
    checks: list[CheckOut]
