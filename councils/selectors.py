"""Reads for the register of councils."""

from django.db.models import Count, Q, QuerySet

from councils.models import Council, Membership


def search_councils(*, query: str = "", authority_type: str = "", region: str = "") -> QuerySet[Council]:
    councils = Council.objects.select_related("county").order_by("name", "gss_code")
    if query:
        councils = councils.filter(Q(name__icontains=query.strip()) | Q(gss_code__iexact=query.strip()))
    if authority_type:
        councils = councils.filter(authority_type=authority_type)
    if region:
        councils = councils.filter(region=region)
    return councils


def counts_by_type(councils: QuerySet[Council]) -> dict[str, int]:
    rows = councils.order_by().values("authority_type").annotate(n=Count("id"))
    return {row["authority_type"]: row["n"] for row in rows}


def council_by_code(code: str) -> Council | None:
    return Council.objects.select_related("county").filter(gss_code=code.upper()).first()


def council_of(user) -> Council | None:
    """The council a signed-in person works for, or None (department staff, the public)."""
    if not getattr(user, "is_authenticated", False):
        return None
    membership = Membership.objects.select_related("council").filter(user=user).first()
    return membership.council if membership else None


def roles_of(user) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(Membership.objects.filter(user=user).values_list("role", flat=True))


def members_of(council: Council) -> QuerySet[Membership]:
    return Membership.objects.filter(council=council).select_related("user").order_by("role", "user__username")
