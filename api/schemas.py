import datetime

from ninja import Schema


class Error(Schema):
    detail: str


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
