"""The lexicon's patterns as alternations that run only the alternatives a text can match.

A family of patterns (a barrier's, the constraint words, the asks...) is one alternation `(?:p1)|(?:p2)|...`.
Python's regular expression engine tries every alternative at every position of the text: the constraint
family alone, 56 patterns, cost about 80 µs a passage. Yet most alternatives contain a literal that every
match must contain ("pressure" in `pressures?`, "cap" in `capped|cap on|caps? (?:on|the)`), and most texts
contain few of those literals. `Alternation` finds each alternative's literals once, from the parsed
pattern, and for a text runs an alternation of only the alternatives whose literal is in the text, in their
order. An alternative whose literal is absent cannot match anywhere in the text, so the match (its start,
end and text), `sub` and `finditer` are the same as the whole alternation's; none is found when no literal
is there. Measured over the 2,034 passages of 40 bench plans: the lexicon's families took 158 ms instead of
664 ms. A pattern with no such literal (or with flags) is run whole, as before.

Which literals a text holds is found once per text for every family (`LiteralIndex`): one pass of an
Aho-Corasick automaton (pyahocorasick) over the text finds every literal of every family, where each
family used to test each of its own literals in turn, some sixty families a passage. The same pass names the
families that can match at all (`families_in`): a passage's text is asked about by each family in turn, and a
family given that set answers at once where none of its literals is in the text.
"""

import _sre  # type: ignore[import-not-found]  # the `re` module's engine: which characters have case
import itertools
import re
import threading
from operator import itemgetter

# The `re` module's own parser (Python 3.11's names; the old sre_parse warns that it is deprecated).
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import ahocorasick

MAX_COMPILED = 2048  # alternations kept compiled per family (one per set of alternatives a text can match)

_REPEATS = tuple(
    getattr(sre_constants, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(sre_constants, name)
)


def _better(found: set[str] | None, best: set[str] | None) -> bool:
    """A set of literals is the better filter when its shortest literal is longer (then when it has fewer)."""
    if not found:
        return False
    if best is None:
        return True
    return (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))


def _required(items) -> set[str] | None:
    """Literals one of which every match of the parsed sequence `items` contains, or None when none is known.
    Only what a match must contain counts: runs of literal characters, and what a group, a branch (each of its
    alternatives) or a repeat of at least once must contain; optional parts and assertions end a run."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if _better(found, best):
            best = found

    for op, av in items:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        consider({"".join(run)} if run else None)
        run = []
        if op is sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                consider(_required(list(sub)))
        elif op is sre_constants.BRANCH:
            alternatives = [_required(list(branch)) for branch in av[1]]
            if all(alternatives):
                consider({literal for found in alternatives if found for literal in found})
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(list(av[2])))
    consider({"".join(run)} if run else None)
    return best


# Under re.IGNORECASE an ASCII letter also matches these four characters (the `re` module's documentation),
# which str.lower() does not turn into that letter: a text holding one is searched with the whole pattern.
_OTHER_CASES = ("\u0130", "\u0131", "\u017f", "\u212a")


def _lowers_as_it_matches(literal: str) -> bool:
    """Whether the literal, lower-cased, is found in the lower-cased text wherever re.IGNORECASE matches it: true
    of ASCII and of characters with no case (a curly quote, "£", "–"), which the pattern matches only as
    themselves."""
    return all(char.isascii() or (not _sre.unicode_iscased(ord(char)) and char.lower() == char) for char in literal)


def required_literals(pattern: str, flags: int = 0) -> set[str] | None:
    """Literals one of which any match of `pattern` compiled with `flags` contains (in lower case under
    re.IGNORECASE, to look for in the lower-cased text); None when unknown."""
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & ~(flags | re.UNICODE):
        return None  # the pattern's own inline flags: a literal might match other characters
    found = _required(list(parsed))
    if found and flags & re.IGNORECASE:
        if not all(map(_lowers_as_it_matches, found)):
            return None
        found = {literal.lower() for literal in found}
    return found


def branches(pattern: str) -> list[str]:
    """The alternatives of a pattern's top level (`a|b(c|d)|e` gives `a`, `b(c|d)`, `e`), so that an
    `Alternation` of them runs only those whose literals are in the text. Their alternation matches exactly what
    the pattern matches; only the numbers of capturing groups may differ, so use it for patterns whose groups
    nobody reads."""
    found, start, depth, index = [], 0, 0, 0
    class_from = None  # where the character class being read starts (a "]" there is one of its characters)
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if class_from is not None:
            if char == "]" and index > class_from:
                class_from = None
        elif char == "[":
            class_from = index + 2 if pattern[index + 1 : index + 2] == "^" else index + 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*found, pattern[start:]]


_SECOND = itemgetter(1)  # of the automaton's (end, literal) pairs
# Longer texts (a whole document's, read by a few families) are searched for each family's own literals: the
# automaton would report every occurrence of every literal in them.
INDEXED_LENGTH = 2000
RECENT_TEXTS = 32  # texts whose literals are kept: the families of one passage all ask about the same text


class LiteralIndex:
    """Every literal of every family, and which of them a text holds, found in one pass over the text and kept
    for the last few texts (the families of a passage ask in turn about the same text). The automaton is made
    again when a family brings new literals; one already made is never changed, so a thread reading with it
    meanwhile is safe."""

    def __init__(self):
        self._literals: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        self._recent: dict[str, frozenset[str]] = {}
        self._owners: dict[str, frozenset[int]] = {}
        self._recent_families: dict[str, frozenset[int]] = {}
        self._lock = threading.Lock()

    def add(self, literals, family: int | None = None) -> None:
        """Index a family's literals; with its number, `families_in` names the family for a text holding one."""
        with self._lock:
            new = set(literals) - self._literals
            if new:
                self._literals |= new
                self._automaton, self._recent = None, {}
            if family is not None:
                # A new dict rather than a changed one, so a thread reading the old one meanwhile is safe.
                owners = dict(self._owners)
                for literal in literals:
                    owners[literal] = owners.get(literal, frozenset()) | {family}
                self._owners = owners
                self._recent_families = {}

    def _made(self) -> ahocorasick.Automaton:
        with self._lock:
            if self._automaton is None:
                automaton = ahocorasick.Automaton()
                for literal in self._literals:
                    automaton.add_word(literal, literal)
                automaton.make_automaton()
                self._automaton = automaton
            return self._automaton

    def present(self, text: str) -> frozenset[str]:
        """The literals `text` holds (exactly those: each found where it is)."""
        found = self._recent.get(text)
        if found is None:
            automaton = self._made()
            found = frozenset(map(_SECOND, automaton.iter(text))) if len(automaton) else frozenset()
            if len(self._recent) >= RECENT_TEXTS:
                self._recent = {}
            self._recent[text] = found
        return found

    def families_in(self, text: str) -> frozenset[int]:
        """The numbers of the indexed families with a literal in `text`: only these can match in it."""
        found = self._recent_families.get(text)
        if found is None:
            owners = self._owners
            found = frozenset().union(*[owners[literal] for literal in self.present(text) if literal in owners])
            if len(self._recent_families) >= RECENT_TEXTS:
                self._recent_families = {}
            self._recent_families[text] = found
        return found


INDEX = LiteralIndex()
_NUMBERS = itertools.count()


class EveryFamily:
    """Stands for every family: a text too long to index is searched by each family for its own literals."""

    def __contains__(self, family: object) -> bool:
        return True


EVERY_FAMILY = EveryFamily()


def families_in(text: str) -> frozenset[int] | EveryFamily:
    """Which families can match in `text` (the `could` of `Alternation.search`): the families that run whole
    (no literal to filter on, or case-insensitive) are never left out, since they are not indexed."""
    if len(text) > INDEXED_LENGTH:
        return EVERY_FAMILY
    return INDEX.families_in(text)


_LOWERED: dict[str, str] = {}


def _lowered(text: str) -> str:
    """text.lower(), kept for the last few texts, like their literals."""
    lower = _LOWERED.get(text)
    if lower is None:
        if len(_LOWERED) >= RECENT_TEXTS:
            _LOWERED.clear()
        lower = _LOWERED[text] = text.lower()
    return lower


class Alternation:
    """`(?:p1)|(?:p2)|...` for the `patterns`, compiled with `flags`, with the same `search`, `sub`,
    `finditer` and `findall` results, run over only the alternatives whose literals are in the text (see the
    module)."""

    def __init__(self, patterns: list[str], flags: int = 0):
        self.patterns, self.flags = list(patterns), flags
        self.ignorecase = bool(flags & re.IGNORECASE)
        self.whole = self._compile(tuple(range(len(self.patterns))))
        self.pattern = self.whole.pattern
        literals = [required_literals(p, flags) for p in self.patterns]
        self.filtered = all(literals)
        # Each literal once; the set of them found in a text names the alternatives to run.
        self._literals = frozenset(literal for found in literals for literal in found or ())
        # A case-sensitive family that filters is named by the literals of the text (`families_in`); the others
        # are asked every time.
        self.number = next(_NUMBERS)
        self.indexed = self.filtered and not self.ignorecase
        INDEX.add(self._literals, self.number if self.indexed else None)
        self._alternatives = {
            literal: frozenset(i for i, found in enumerate(literals) if found and literal in found)
            for literal in self._literals
        }
        self._compiled: dict[frozenset[str], re.Pattern] = {}

    def _compile(self, alternatives: tuple[int, ...]) -> re.Pattern:
        return re.compile("|".join(f"(?:{self.patterns[i]})" for i in alternatives), self.flags)

    def _for(self, text: str) -> re.Pattern | None:
        """The alternation of the alternatives that can match in `text`, or None when none can."""
        if not self.filtered:
            return self.whole
        if self.ignorecase:
            if not text.isascii() and any(other in text for other in _OTHER_CASES):
                return self.whole
            text = _lowered(text)
        if len(text) > INDEXED_LENGTH:  # a whole document, asked about by a few families: each looks for its own
            found = frozenset([literal for literal in self._literals if literal in text])
        else:
            present = INDEX.present(text)
            if self._literals.isdisjoint(present):  # most families, for most texts: nothing to make
                return None
            found = self._literals & present
        if not found:
            return None
        compiled = self._compiled.get(found)
        if compiled is None:
            if len(self._compiled) >= MAX_COMPILED:
                self._compiled.clear()
            alternatives = frozenset().union(*(self._alternatives[literal] for literal in found))
            compiled = self._compiled[found] = self._compile(tuple(sorted(alternatives)))
        return compiled

    def search(self, text: str, pos: int = 0, could: frozenset[int] | EveryFamily | None = None) -> re.Match | None:
        """As `re.Pattern.search`. `could`, from `families_in(text)`, lets a family whose literals are not in the
        text answer at once, where a passage is asked about by some sixty families in turn."""
        if could is not None and self.indexed and self.number not in could:
            return None
        compiled = self._for(text)
        return None if compiled is None else compiled.search(text, pos)

    def finditer(self, text: str):
        compiled = self._for(text)
        return iter(()) if compiled is None else compiled.finditer(text)

    def findall(self, text: str) -> list:
        """As `re.Pattern.findall`. A pattern's groups are numbered among the alternatives run, so with several
        patterns holding groups, which findall would return, the whole alternation runs."""
        compiled = self._for(text) if len(self.patterns) == 1 or not self.whole.groups else self.whole
        return [] if compiled is None else compiled.findall(text)

    def sub(self, replacement, text: str) -> str:
        compiled = self._for(text)
        return text if compiled is None else compiled.sub(replacement, text)
