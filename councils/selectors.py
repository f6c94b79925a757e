"""Reads for the register of councils."""

import difflib
import re
from dataclasses import dataclass, field

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


ONS_CODE = re.compile(r"^[ENSW]\d{8}$")
# Words people put around a council's area name ("Dorset Council", "London Borough of Camden", ONS's
# "Bristol, City of"); the register names areas, so these are set aside before comparing.
_NAME_PREFIXES = ("the ", "london borough of ", "royal borough of ", "borough of ", "city of ", "county of ")
_NAME_SUFFIXES = (
    " metropolitan borough council",
    " metropolitan district council",
    " borough council",
    " city council",
    " county council",
    " district council",
    " council",
    " city of",
    " county of",
)


def council_name_key(text: str, *, prefixes: bool = True) -> str:
    """A name reduced for comparison: lower case, "&" as "and", no apostrophes or punctuation, and
    without the words for the kind of council around it ("dorset council" and "Dorset" give "dorset").
    Without `prefixes`, leading words stay (the register's own "City of London" keeps its "city of")."""
    words = text.lower().replace("&", " and ")
    words = re.sub(r"[’'`]", "", words)
    words = " ".join(re.sub(r"[^a-z0-9]+", " ", words).split())
    changed = True
    while changed:
        changed = False
        for prefix in _NAME_PREFIXES if prefixes else ():
            if words.startswith(prefix) and len(words) > len(prefix):
                words, changed = words[len(prefix) :], True
        for suffix in _NAME_SUFFIXES:
            if words.endswith(suffix) and len(words) > len(suffix):
                words, changed = words[: -len(suffix)], True
    return words


@dataclass(frozen=True)
class CouncilLookup:
    """What a typed name or ONS code found: one council, or none with the councils it might have meant."""

    council: Council | None
    candidates: list[Council] = field(default_factory=list)
    by_code: bool = False  # the text was an ONS code


def find_council(text: str) -> CouncilLookup:
    """The council a person means by a name ("Dorset", "dorset council") or an ONS code ("E06000059").

    A name is taken when exactly one council's name is the same once reduced (council_name_key), or,
    failing that, when it is the whole words of exactly one council's name ("Hull" for "Kingston upon
    Hull, City of"). Otherwise nothing is taken, and `candidates` lists the councils it could mean: those
    whose names contain it, or else names spelled nearly the same. Alphabetical.
    """
    typed = " ".join((text or "").split())
    if ONS_CODE.match(typed.upper()):
        return CouncilLookup(council_by_code(typed.upper()), by_code=True)
    key = council_name_key(typed)
    if not key:
        return CouncilLookup(None)
    councils = list(Council.objects.order_by("name", "gss_code"))
    keys = {council.pk: council_name_key(council.name, prefixes=False) for council in councils}
    for wanted in dict.fromkeys([council_name_key(typed, prefixes=False), key]):
        same = [council for council in councils if keys[council.pk] == wanted]
        if len(same) == 1:
            return CouncilLookup(same[0])
        if same:
            return CouncilLookup(None, same)
    containing = [council for council in councils if f" {key} " in f" {keys[council.pk]} "]
    if len(containing) == 1:
        return CouncilLookup(containing[0])
    if containing:
        return CouncilLookup(None, containing)
    close = set(difflib.get_close_matches(key, list(keys.values()), n=5, cutoff=0.75))
    return CouncilLookup(None, [council for council in councils if keys[council.pk] in close])


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
