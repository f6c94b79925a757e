"""The register of English councils and the people who work for each."""

from django.conf import settings
from django.db import models


class AuthorityType(models.TextChoices):
    COUNTY = "county", "County council"
    DISTRICT = "district", "District council"
    UNITARY = "unitary", "Unitary authority"
    METROPOLITAN_DISTRICT = "metropolitan_district", "Metropolitan district"
    LONDON_BOROUGH = "london_borough", "London borough"
    CITY_OF_LONDON = "city_of_london", "City of London"
    ISLES_OF_SCILLY = "isles_of_scilly", "Isles of Scilly"


class Region(models.TextChoices):
    # ONS region names, shown exactly as ONS writes them.
    NORTH_EAST = "North East", "North East"
    NORTH_WEST = "North West", "North West"
    YORKSHIRE_AND_THE_HUMBER = "Yorkshire and The Humber", "Yorkshire and The Humber"
    EAST_MIDLANDS = "East Midlands", "East Midlands"
    WEST_MIDLANDS = "West Midlands", "West Midlands"
    EAST_OF_ENGLAND = "East of England", "East of England"
    LONDON = "London", "London"
    SOUTH_EAST = "South East", "South East"
    SOUTH_WEST = "South West", "South West"


class Council(models.Model):
    """A principal council, identified by the ONS (GSS) code of its area."""

    gss_code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=120, help_text="The area name as ONS publishes it, e.g. 'Dorset'.")
    authority_type = models.CharField(max_length=30, choices=AuthorityType.choices, db_index=True)
    region = models.CharField(max_length=40, choices=Region.choices, db_index=True)
    county = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="districts",
        help_text="For district councils, the county council area they sit in.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.gss_code})"

    @property
    def display_name(self) -> str:
        return self.name


class CouncilRole(models.TextChoices):
    PLAN_AUTHOR = "plan_author", "Plan author"
    DEMOCRATIC_SERVICES = "democratic_services", "Democratic services"
    MONITORING_OFFICER = "monitoring_officer", "Monitoring officer"
    SECTION_151_OFFICER = "section_151_officer", "Section 151 officer"
    EXECUTIVE_DIRECTOR = "executive_director", "Executive director"
    LEAD_MEMBER = "lead_member", "Lead member (portfolio holder)"
    CHIEF_EXECUTIVE = "chief_executive", "Chief executive"
    WORKFORCE_LEAD = "workforce_lead", "Workforce (HR) lead"
    ASSET_MANAGEMENT_LEAD = "asset_management_lead", "Asset management lead"
    PERFORMANCE_LEAD = "performance_lead", "Performance lead"


class Membership(models.Model):
    """A person's role at a council. One person may hold several roles at one council only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=CouncilRole.choices)

    class Meta:
        ordering = ["council__name", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_membership_per_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} at {self.council.name}"
