"""The text of a Word document (.docx) as Word shows it, read from its XML: what python-docx's `Paragraph.text`,
`Cell.text` and `document.paragraphs` leave out. Report templates keep their text in content controls (w:sdt),
drafts carry tracked changes (w:ins, w:del), and key figures sit in text boxes. Used by the analysis reader
(analysis/reading/extract.py) and the draft importer (plans/docx_import.py)."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Inside a paragraph, what is not its own text: deleted or moved-away runs (tracked changes), a text box's content
# (read on its own: text_box_paragraphs), the older drawing a file keeps beside a text box in case (mc:Fallback),
# and the paragraph's and runs' properties.
NOT_THE_PARAGRAPHS_TEXT = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{MC}Fallback", f"{W}pPr", f"{W}rPr"}


def body_items(parent):
    """The body's paragraphs and tables in order, including those inside content controls (w:sdt, which report
    templates are built from) and custom XML; a table of contents kept in a content control is left out."""
    for child in parent.iterchildren():
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
            if gallery is not None and "contents" in (gallery.get(f"{W}val") or "").lower():
                continue
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from body_items(content)
        elif child.tag == f"{W}customXml":
            yield from body_items(child)


def paragraph_text(paragraph) -> str:
    """The paragraph's text as Word shows it with changes accepted: its runs wherever they sit (in hyperlinks, inline
    content controls, fields, smart tags, tracked insertions), without deleted text and without its text boxes.
    python-docx's `Paragraph.text` reads only the runs directly inside the paragraph and its hyperlinks."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in NOT_THE_PARAGRAPHS_TEXT:
                continue
            if child.tag == f"{W}r":
                parts.append(child.text)  # python-docx's run text: w:t, tabs, breaks, hyphens (never a text box's)
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def text_box_paragraphs(paragraph) -> list:
    """The paragraphs inside the text boxes anchored in `paragraph` (once each: not the copy under mc:Fallback)."""
    boxes = [box for box in paragraph.iter(f"{W}txbxContent") if not _under(box, f"{MC}Fallback", paragraph)]
    return [inner for box in boxes for inner in box.iter(f"{W}p") if not _under(inner, f"{MC}Fallback", box)]


def _under(element, tag: str, top) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not top:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def cell_text(cell) -> str:
    """A table cell's paragraphs, read as `paragraph_text` reads them, one line each."""
    return "\n".join(paragraph_text(p) for p in cell._tc.iter(f"{W}p") if not _under(p, f"{MC}Fallback", cell._tc))


def outline_level(paragraph, style) -> int | None:
    """The paragraph's outline level (0 for a top heading), as Word's navigation pane reads it: set on the paragraph,
    or on its style or a style it is based on; None for body text. A council template's own heading styles
    ("Report Heading 1") carry one, whatever they are called."""
    own = paragraph.find(f"{W}pPr/{W}outlineLvl")
    if own is not None:
        return _level(own)
    seen = 0
    while style is not None and seen < 10:  # a loop of styles based on each other is a damaged file, not a heading
        found = style.element.find(f"{W}pPr/{W}outlineLvl")
        if found is not None:
            return _level(found)
        style, seen = style.base_style, seen + 1
    return None


def _level(element) -> int | None:
    try:
        level = int(element.get(f"{W}val") or "")
    except ValueError:
        return None
    return level if 0 <= level <= 8 else None  # 9 is Word's "body text"


def style_names(style) -> list[str]:
    """The style's name and those of the styles it is based on, in lower case."""
    names, seen = [], 0
    while style is not None and seen < 10:
        names.append((style.name or "").lower())
        style, seen = style.base_style, seen + 1
    return names


def all_bold(paragraph) -> bool:
    """Every character of a python-docx paragraph's text (its text boxes aside) is set in bold: by the run's own
    formatting, else its character style, else the paragraph's style or a style that one is based on."""
    from docx.text.run import Run

    element = paragraph._p
    runs = [
        Run(r, paragraph) for r in element.iter(f"{W}r") if r.text.strip() and not _under(r, f"{W}txbxContent", element)
    ]
    if not runs:
        return False
    paragraph_bold = _bold_in_styles(paragraph.style)
    for run in runs:
        bold = run.bold
        if bold is None and run.style is not None:
            bold = run.style.font.bold
        if not (paragraph_bold if bold is None else bold):
            return False
    return True


def _bold_in_styles(style) -> bool:
    seen = 0
    while style is not None and seen < 10:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style, seen = style.base_style, seen + 1
    return False


def heading_by_style(paragraph) -> bool:
    """A python-docx paragraph whose style makes it a heading: a heading or title style, or one based on it; or an
    outline level (on the paragraph or its style), as a council template's own heading styles ("Report Heading 1")
    have. A list item never is."""
    names = style_names(paragraph.style)
    if any(name.startswith("heading") or name in ("title", "subtitle") for name in names):
        return True
    if names and "list" in names[0]:
        return False
    return outline_level(paragraph._p, paragraph.style) is not None


def in_table_of_contents(style_name: str) -> bool:
    """A paragraph in one of Word's table of contents styles ("TOC 1", "TOC Heading"): the headings again, with page
    numbers, not the document's text."""
    name = style_name.lower()
    return name == "toc" or name.startswith("toc ")
