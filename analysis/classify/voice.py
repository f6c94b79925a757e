"""Whose words: the parts of a passage the council quotes from government, and web-page chrome.

A plan often restates what it was asked: the government's request, the minister's letter, the
guidance's four questions ("transformation of services to make better use of resources", ...),
"the government has asked councils to...". Those words are not the council's: they count towards
no theme, barrier or guidance flag. A theme is covered where the council writes about it, not where
the question is restated.

`quoted_spans(text)` gives the (start, end) character spans of the quoted sentences and list items;
`council_text(text)` is the text with those spans (and navigation chrome such as "Skip to main
content") blanked with spaces, so every other character keeps its place and a match in the blanked
text points at the same words in the original.
"""

import re
from functools import lru_cache

# The guidance's four questions, and the request's own phrases, as councils restate them.
_GUIDANCE_QUESTIONS = (
    r"transformation of services to make better use of resources",
    r"(?:opportunities|how you plan) to take advantage of (?:advances|developments) in technology",
    r"make better use of data",
    r"plans to reduce wasteful spend(?:ing)?(?: within (?:your )?systems)?",
    r"barriers preventing progress that (?:the )?government can help (?:to )?(?:reduce|remove)",
    r"barriers (?:to progress )?that (?:the )?government (?:can|could) help (?:to )?(?:reduce|remove)",
    r"(?:reduce|remove) barriers preventing progress",
    r"how (?:do|will|would) you (?:plan to )?(?:use|make use of) technology and data\b[^.?]*",
    r"use technology and data to improve decision[- ]making,? service design and use of resources",
    r"how (?:do|will|would) you (?:plan to )?(?:transform (?:your )?services|reduce wasteful spend\w*)[^.?]*",
    r"what are the barriers (?:preventing progress )?(?:that )?(?:the )?government (?:can|could) help[^.?]*",
)
_QUESTION = re.compile("|".join(_GUIDANCE_QUESTIONS), re.I)

# Who is quoted, and the verbs that introduce their words.
_GOVERNMENT = (
    r"(?:the |central |his |her |their )?(?:government|minister(?: for local government)?|secretary of state|"
    r"department(?: for levelling up,? housing and communities)?|dluhc|mhclg|whitehall|guidance|"
    r"(?:the |a |his |her )?(?:minister'?s? |secretary of state'?s? |government'?s? )?letter|"
    r"written (?:ministerial )?statement|"
    r"(?:local government )?finance settlement statement)"
)
_WHOM = r"(?:all |every |each |english )?(?:councils?|local authorities|authorities|us|the council|this council)"
_REPORTING = re.compile(
    # "The government has asked councils to...", "the Minister wrote to every council..." (not the council's
    # own "if the government wants councils to...")
    rf"(?<!\bif )(?<!\bif the )\b{_GOVERNMENT}\s+(?:has |have |had |is |was )?(?:also )?"
    rf"(?:asked|asks|requested|requests|invited|invites|wrote to|writes to|expects|expected|wants|wanted)\s+{_WHOM}\b"
    # "The Minister said: '...'", "the letter says that councils..."
    rf"|\b{_GOVERNMENT}\s+(?:has |have |had )?(?:said|says|wrote|writes|stated|states|made clear)\s*(?:[:,]\s*)?"
    r"(?:that\s+)?(?:[\"“‘']|councils|local authorities|authorities|plans|every|each|all)"
    # "Councils were asked to...", "we have been asked by the government to..."
    rf"|\b{_WHOM}\s+(?:have been|has been|were|was|are|is|had been)\s+(?:also\s+)?(?:asked|invited|requested)\s+"
    r"(?:by (?:the )?(?:government|minister|secretary of state|department)\s+)?"
    r"(?:to|for|how|what|whether|which|about)\b"
    # "Councils should describe the steps they will take...": the request's instructions, restated
    r"|\b(?:all |every |each )?(?:councils|local authorities|authorities|plans|each plan|every plan)\s+"
    r"(?:should|must|are to|are expected to|were expected to|were to|need to)\s+"
    r"(?:describe|set out|explain|say|show|include|cover|consider|identify|outline|address)\b"
    r"|\b(?:in|from) (?:the |his |her )?(?:minister'?s?|secretary of state'?s?|government'?s?|department'?s?) "
    r"(?:own )?(?:words|letter|statement|guidance)\b"
    r"|\bas (?:the )?(?:government|minister|department|guidance) (?:put|puts|said|says) it\b"
    r"|\b(?:the )?(?:guidance|request|letter) (?:asked|asks|said|says|listed|lists)\b"
    # "Plans were to cover four themes: ...": the request's themes, in the council's paraphrase
    r"|\b(?:plans?|councils?|the plan|each plan|productivity plans) (?:were|was|are|is|should|must|had) "
    r"(?:to |expected to |required to |asked to )?(?:cover|address|answer|set out|describe) (?:the |its |their )?"
    r"(?:four|4|following|these|same) (?:themes|questions|areas|headings)\b"
    # The request reported without a reporting subject ("councils were advised that plans must...", "it was
    # suggested that plans should...", "there was an expectation that plans would...", "the department
    # confirmed that..."): an impersonal or passive report of what councils were told is the government's.
    r"|\b(?:all |every |each |english )?(?:councils|local authorities|authorities|plans)\s+"
    r"(?:have been|were|are|had been)\s+(?:advised|told|informed|instructed|encouraged|directed|reminded)\s+"
    r"(?:that|to|by)\b"
    r"|\b(?:it (?:was|is|has been|had been) (?:suggested|expected|requested|required|stated|stipulated|specified|"
    r"made clear|confirmed|indicated|recommended|advised)|there (?:was|is|has been|had been) (?:an? |the )?(?:clear )?"
    r"(?:expectation|requirement|request|stipulation|instruction))\s+(?:that|for)\s+(?:the )?(?:all |every |each )?"
    r"(?:plans?|councils?|local authorities|authorities|productivity plans)\b"
    rf"|\b{_GOVERNMENT}\s+(?:has |have |had |also )?(?:confirmed|advised|indicated|suggested|specified|stipulated|"
    r"explained|set out|clarified|informed|told|reminded)\s+(?:that\s+)?(?:councils|local authorities|"
    r"authorities|plans|each|every|all|there would|they would|it would)\b",
    re.I,
)
# Words in quotation marks in a reporting sentence are the government's.
_QUOTED = re.compile(r"[\"“‘'][^\"”’]{3,}[\"”’]")
# A sentence that introduces a list: "The government asked councils to cover four themes:".
_INTRODUCES_LIST = re.compile(r":\s*$")
_BULLET_LINE = re.compile(r"^\s*(?:[-•*▪·–]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s+", re.I)

# Navigation and cookie banners left in text saved from a web page: never any theme.
CHROME = re.compile(
    r"skip to (?:the )?(?:main )?content|skip to navigation|back to top|accept (?:all |additional )?cookies|"
    r"reject (?:all |additional )?cookies|(?:view|change|set) (?:your )?cookie(?: settings| preferences)?|"
    r"cookies on (?:our|this|the) (?:website|site)|we use (?:some )?(?:essential )?cookies|"
    r"you are here:?|breadcrumbs?|print this page|share this page|was this page (?:useful|helpful)\??|"
    r"report a problem with this page|sign up for (?:email )?(?:alerts|updates)|search this site|"
    r"\b(?:home|menu)\s*[>›»]",
    re.I,
)

# Sentences and list items (the classifier's own split, kept with their places in the text).
_PIECE = re.compile(r"[^\n]+?(?:(?<=[.!?;])(?=\s+[\"'‘“(A-Z0-9•\-])|(?=\n)|$)")


def _pieces(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PIECE.finditer(text) if m.group(0).strip()]


def _line_of(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return text[line_start : len(text) if line_end == -1 else line_end]


# A question put to a council in the second person ("How will your council use technology...?", "Which
# obstacles are holding back your progress...?"): a council does not ask itself about "your council".
_QUESTION_WORD = re.compile(
    r"^\W*(?:how|what|which|where|why|when|who|do|does|did|is|are|can|could|will|would|have|has)\b", re.I
)
_SECOND_PERSON = re.compile(r"\byour?\b", re.I)


def is_question_restated(sentence: str) -> bool:
    """The sentence restates one of the guidance's four questions, with few words of the council's own, or
    is a question put to a council in the second person."""
    if sentence.rstrip().endswith("?") and _QUESTION_WORD.search(sentence) and _SECOND_PERSON.search(sentence):
        return True
    stripped = _QUESTION.sub(" ", sentence)
    own = re.findall(r"[a-z]{3,}", stripped.lower())
    filler = {"and", "the", "our", "your", "how", "will", "with", "for", "within", "systems", "plan", "plans",
              "productivity", "councils", "council", "themes", "theme", "four", "cover", "covering", "section",
              "set", "sets", "out", "this", "that", "are", "were", "asked", "questions", "question"}  # fmt: skip
    return bool(_QUESTION.search(sentence)) and len([w for w in own if w not in filler]) <= 4


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of `text` that are the government's words rather than the council's: a
    sentence reporting what the government, the minister, the department or the guidance asked or said,
    a restated guidance question, and the list items a reporting sentence ending in ':' introduces."""
    spans: list[tuple[int, int]] = []
    introducing = False
    for start, end in _pieces(text):
        piece = text[start:end]
        line = _line_of(text, start)
        bullet = bool(_BULLET_LINE.match(line))
        if introducing and bullet:
            spans.append((start, end))
            continue
        introducing = False
        if _REPORTING.search(piece) or is_question_restated(piece):
            spans.append((start, end))
            introducing = bool(_INTRODUCES_LIST.search(piece))
            continue
        # A council's own sentence can still carry a short quotation of the government's words.
        for quote in _QUOTED.finditer(piece):
            if _QUESTION.search(quote.group(0)):
                spans.append((start + quote.start(), start + quote.end()))
    return spans


def _blank(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# A breadcrumb trail: "Home > Council and democracy > Productivity plan".
BREADCRUMB = re.compile(r"^[^.\n]{0,80}(?:\s[>›»/]\s[^.\n]{1,80}){2,}$", re.M)


@lru_cache(maxsize=8192)
def _voice(text: str) -> tuple[tuple[tuple[int, int], ...], str]:
    """(`quoted_spans`, `council_text`) of a passage, worked out together once: the classifier, the document's
    kind (its share of quoted words), the figures and the guidance flags all ask for them."""
    quoted = quoted_spans(text)
    spans = quoted + [(m.start(), m.end()) for m in CHROME.finditer(text)]
    spans += [(m.start(), m.end()) for m in BREADCRUMB.finditer(text)]
    return tuple(quoted), _blank(text, spans) if spans else text


def council_text(text: str) -> str:
    """The passage with the government's quoted words and web-page chrome blanked out (same length)."""
    return _voice(text)[1]


def quoted_spans_of(text: str) -> tuple[tuple[int, int], ...]:
    """`quoted_spans(text)`, shared with `council_text` rather than worked out again."""
    return _voice(text)[0]


def has_council_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2,}", council_text(text)))
