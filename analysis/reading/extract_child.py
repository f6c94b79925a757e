"""The analysis parser that runs in the limited child process of `core.sandbox` (see analysis/reading/sandbox.py).

`parse(data, kind=..., classify=...)` reads a plan document and answers with its passages as a dict:
`{"ok": true, ...the extracted passages}` or `{"ok": false, "message": ...}`. With `classify` the
classifier's labels, the figures and guidance flags and the document's kind are worked out here too, in
parallel with the other readers, so the importing process need not. `warm_up_readers` and
`warm_up_classifier` import the parsers and load (or train) the classifier once, under the limits, before
the first file. The limits, the serve loop and the protocol are `core.sandbox_child`'s. No Django here: the child
only parses.
"""

import json
from dataclasses import astuple, fields


def passage_labels(blocks) -> dict:
    """The classifier's labels for the passages, as the corpus will store them (each with the nearest heading
    above it), so a bulk import's run need not classify them again in the importing process."""
    from analysis.classify import METHOD_VERSION, PassageInput, classify_passages

    inputs, heading = [], ""
    for block in blocks:
        inputs.append(PassageInput(text=block.text, heading=heading[:300] or None))
        if block.kind == "heading":
            heading = block.text
    labels = [
        {"themes": sorted(label.themes), "barriers": [[b.category, b.ask] for b in label.barriers]}
        for label in classify_passages(inputs)
    ]
    return {"method": METHOD_VERSION, "inputs": inputs_digest(inputs), "passages": labels, **text_findings(blocks)}


def text_findings(blocks) -> dict:
    """The figures and the guidance flags read from the passages' text (analysis/reading/figures.py), as the corpus
    will store them, so the importing process need not read them again."""
    from analysis.reading import figures

    texts = [block.text for block in blocks]
    names = [field.name for field in fields(figures.FoundFigure)]  # dataclasses.asdict, without its deep copies
    found = [
        {
            **{name: getattr(figure, name) for name in names},
            "value": str(figure.value),
            "upper": None if figure.upper is None else str(figure.upper),
        }
        for figure in figures.document_figures(texts)
    ]
    return {"figures": found, "guidance": list(astuple(figures.guidance_found(texts)))}


def document_kind(extracted) -> list[str]:
    """[kind, reason] as analysis.reading.document_kind reads them from the text, so the importing process need not."""
    from analysis.reading.document_kind import classify_document

    return list(classify_document([block.text for block in extracted.blocks], extracted.title))


def inputs_digest(inputs) -> str:
    """What the labels were made from, so they are used only for exactly these passages."""
    import hashlib

    return hashlib.sha256(json.dumps([[i.text, i.heading] for i in inputs]).encode()).hexdigest()


def parse(data: bytes, *, kind: str, classify: bool = False) -> dict:
    """A MemoryError or RecursionError is left to `core.sandbox_child`, which answers for it (and the parent
    retires a child that ran out of memory)."""
    from analysis.reading.extract import ExtractionRefused, extract

    try:
        extracted = extract(kind, data)
    except ExtractionRefused as refusal:
        return {"ok": False, "message": str(refusal)}
    labels, retire = None, False
    if classify:
        try:
            labels = passage_labels(extracted.blocks)
            labels["document_kind"] = document_kind(extracted)
        except MemoryError:  # the file was read; the importing process will classify it instead
            retire = True
        except Exception:  # noqa: BLE001 - the same: never refuse a good file because labelling failed
            labels = None
    return {"ok": True, **extracted.as_dict(), "labels": labels, "retire": retire}


def warm_up_readers() -> None:
    """Import the parsers once, under the limits, before the first request."""
    import analysis.reading.extract  # noqa: F401
    import analysis.reading.pdf_objects  # noqa: F401
    import analysis.reading.pdf_tables  # noqa: F401
    import core.opendocument  # noqa: F401


def warm_up_classifier() -> None:
    """Load the classifier once, under the limits, before the first request: read from the model cache
    (analysis/classify/linear.py), or trained here where there is none."""
    from analysis.classify import PassageInput, classify_passages

    classify_passages([PassageInput(text="Warming up.", heading=None)])
