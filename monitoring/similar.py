"""Similar councils: a transparent nearest-neighbours method over four facts about each area, all held in
the service as context metrics (`monitoring.catalogue.SIMILARITY_INPUTS`). Pages that show similar
councils print `METHOD` and the inputs of the council and of each similar council.

1. Candidates are councils of the same type, since councils of different types run different
   services. Where a type has fewer than eleven councils (the City of London, the Isles of Scilly), the
   candidates are every single-tier council (unitary authorities, metropolitan districts, London boroughs
   and those two).
2. Each council's four inputs: population and population density on a log scale (so a council twice the
   size of another is as far from it as one half its size), the deprivation score, and spending per
   resident; each from the latest published year.
3. Each input is standardised across the candidates: its mean subtracted, then divided by its standard
   deviation, so all four count equally.
4. The distance between two councils is the straight-line (Euclidean) distance between their four
   standardised inputs. The ten councils with the smallest distance are the similar councils; a tie is
   settled by name. A council missing any input is left out, and is shown with no similar councils.

Similar councils are listed by name, never by distance: they are a comparison group, not a ranking.
"""

import math
from dataclasses import dataclass

METHOD_VERSION = "2024.1"
NEIGHBOURS = 10
SINGLE_TIER = ("unitary", "metropolitan_district", "london_borough", "city_of_london", "isles_of_scilly")

METHOD = [
    "Similar councils are the ten councils of the same type nearest to this one on four facts about the area: "
    "population, population density, deprivation and spending per resident (the latest published year of each).",
    "Population and density are compared on a log scale, so twice the size counts as far as half the size.",
    "Each fact is standardised across the councils compared (mean taken away, divided by the standard "
    "deviation), so the four count equally; the distance is the straight-line distance across all four.",
    "Where a type has fewer than eleven councils (the City of London and the Isles of Scilly), they are "
    "compared with every single-tier council.",
    "The similar councils are listed by name, not by how near they are.",
]


@dataclass(frozen=True)
class Area:
    """One council's inputs (in `monitoring.catalogue.SIMILARITY_INPUTS` order)."""

    council_id: int
    name: str
    authority_type: str
    inputs: tuple[float, float, float, float]


def _features(area: Area) -> tuple[float, ...]:
    population, density, deprivation, spending = area.inputs
    return (math.log10(max(population, 1)), math.log10(max(density, 0.01)), deprivation, spending)


def candidate_pool(area: Area, areas: list[Area]) -> list[Area]:
    same_type = [other for other in areas if other.authority_type == area.authority_type]
    if len(same_type) > NEIGHBOURS:
        return same_type
    return [other for other in areas if other.authority_type in SINGLE_TIER]


def _standardiser(pool: list[Area]):
    columns = list(zip(*(_features(a) for a in pool), strict=True))
    means = [sum(c) / len(c) for c in columns]
    spreads = [math.sqrt(sum((x - m) ** 2 for x in c) / len(c)) or 1.0 for c, m in zip(columns, means, strict=True)]

    def standardise(area: Area) -> tuple[float, ...]:
        return tuple((x - m) / s for x, m, s in zip(_features(area), means, spreads, strict=True))

    return standardise


def similar_councils(areas: list[Area]) -> dict[int, list[tuple[int, float]]]:
    """For every council with all four inputs: its ten nearest councils as (council id, distance)."""
    areas = sorted(areas, key=lambda a: a.council_id)  # the same sums in the same order, whatever order given
    pools: dict[tuple[int, ...], tuple[list[Area], object]] = {}
    found: dict[int, list[tuple[int, float]]] = {}
    for area in areas:
        pool = candidate_pool(area, areas)
        key = tuple(sorted(a.council_id for a in pool))
        if key not in pools:
            standardise = _standardiser(pool)
            pools[key] = (pool, {a.council_id: standardise(a) for a in pool})
        pool, points = pools[key]
        here = points[area.council_id]
        distances = sorted(
            (math.dist(here, points[other.council_id]), other.name, other.council_id)
            for other in pool
            if other.council_id != area.council_id
        )
        found[area.council_id] = [(council_id, distance) for distance, _, council_id in distances[:NEIGHBOURS]]
    return found
