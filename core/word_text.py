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
