"""What goes into the passage classifier and what comes out of it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PassageInput:
    """One passage of a plan: its text and, when the plan has one, the heading it sits under."""

    text: str
    heading: str | None = None


@dataclass(frozen=True)
class BarrierLabel:
    """A barrier the passage names: a category `id` of plans/data/barrier_taxonomy.csv, and the
    sentence or clause asking government to act on it, when the passage states one."""

    category: str
    ask: str | None = None


@dataclass(frozen=True)
class PassageLabels:
    """Themes of the return (1 to 4) the passage speaks to, and the barriers it names."""

    themes: frozenset[int]
    barriers: tuple[BarrierLabel, ...]
