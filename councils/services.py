"""Writes for the register: loading councils, granting roles."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import record_event
from councils.models import AuthorityType, Council, CouncilRole, Membership, Region

REQUIRED_COLUMNS = {"gss_code", "name", "authority_type", "region", "county_gss_code"}


@dataclass(frozen=True)
class RegisterLoadResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


class RegisterFileError(ValueError):
    """The register file cannot be loaded; the message says which row and why."""


def _validate_row(line: int, row: dict, known_codes: set[str]) -> None:
    code = row["gss_code"].strip()
    if len(code) != 9 or not code.startswith("E"):
        raise RegisterFileError(f"Row {line}: '{code}' is not a nine-character English ONS code")
    if row["authority_type"] not in AuthorityType.values:
        raise RegisterFileError(f"Row {line}: unknown council type '{row['authority_type']}'")
    if row["region"] not in Region.values:
        raise RegisterFileError(f"Row {line}: unknown region '{row['region']}'")
    county = row["county_gss_code"].strip()
    if row["authority_type"] == AuthorityType.DISTRICT and county not in known_codes:
        raise RegisterFileError(f"Row {line}: district {code} names county '{county}', which is not in the file")
    if row["authority_type"] != AuthorityType.DISTRICT and county:
        raise RegisterFileError(f"Row {line}: only districts have a county, but {code} names '{county}'")


def load_council_register(*, path: Path, actor=None) -> RegisterLoadResult:
    """Create or update councils from the ONS register CSV. Safe to run again: it changes nothing
    when the file has not changed. The whole file is checked before anything is written."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise RegisterFileError(f"The file has no column called {', '.join(sorted(missing))}")
        rows = list(reader)
    codes = [row["gss_code"].strip() for row in rows]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise RegisterFileError(f"The file lists {', '.join(duplicates)} more than once")
    known = set(codes)
    for line, row in enumerate(rows, start=2):
        _validate_row(line, row, known)

    created = updated = unchanged = 0
    with transaction.atomic():
        existing = {council.gss_code: council for council in Council.objects.all()}
        # Counties first, so districts can point at them.
        ordered = sorted(rows, key=lambda row: row["authority_type"] != AuthorityType.COUNTY)
        for row in ordered:
            code = row["gss_code"].strip()
            county = existing.get(row["county_gss_code"].strip()) if row["county_gss_code"].strip() else None
            values = {
                "name": row["name"].strip(),
                "authority_type": row["authority_type"],
                "region": row["region"],
                "county": county,
            }
            council = existing.get(code)
            if council is None:
                existing[code] = Council.objects.create(gss_code=code, **values)
                created += 1
            elif any(getattr(council, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(council, field, value)
                council.save()
                updated += 1
            else:
                unchanged += 1
        if created or updated:
            record_event(
                action="CouncilRegisterLoaded",
                actor=actor,
                subject=existing[codes[0]],
                data={"file": Path(path).name, "created": created, "updated": updated},
            )
    return RegisterLoadResult(created=created, updated=updated, unchanged=unchanged)


def check_council_role(*, user, council: Council, role: str) -> None:
    """Raise ValidationError when `user` may not hold `role` at `council` (decision 0004: one council,
    and never the department at the same time). The admin's form asks this before it saves."""
    if role not in CouncilRole.values:
        raise ValidationError(f"'{role}' is not a council role")
    if getattr(user, "department_role", ""):
        raise ValidationError("Department staff cannot also hold a council role")
    other = Membership.objects.filter(user=user).exclude(council=council).select_related("council").first()
    if other is not None:
        raise ValidationError(f"{user.username} already works for {other.council.name}")


def grant_council_role(*, user, council: Council, role: str, actor=None) -> Membership:
    """Give `user` a role at `council`. A person works for one council only, and never for the
    department at the same time."""
    check_council_role(user=user, council=council, role=role)
    with transaction.atomic():
        membership, was_created = Membership.objects.get_or_create(user=user, role=role, defaults={"council": council})
        if was_created:
            record_event(
                action="CouncilRoleGranted",
                actor=actor,
                subject=membership,
                council_code=council.gss_code,
                data={"user": user.username, "role": role},
            )
    return membership
