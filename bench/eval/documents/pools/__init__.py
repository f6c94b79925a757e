"""Hand-written passages the evaluation documents are assembled from: one pool per split.

The `train` pool and the `heldout` pool were written separately, so no held-out document shares a
passage with a training document. Each passage says what it is labelled as:

- `t`: the return's themes (1 to 4) the council's own words speak to ("" for none);
- `b`: barrier category ids (plans/data/barrier_taxonomy.csv); a passage naming a barrier also has
  theme 4, added automatically;
- `[[...]]` in the text marks an ask of government (the brackets are not printed);
- `{kind:gen}` or `{kind:gen:qualifier}` is a figure: printed from the generator `gen` with a value
  drawn per document, and labelled with its kind, value, unit and qualifier;
- `{c}` is the council's short name, `{C}` its full name;
- `g`: the guidance subjects the passage addresses in the council's own words: `c` consultants,
  `a` agency staff, `e` equality, diversity and inclusion;
- `q`: the text is quoted from government (the request, the four questions, the minister's letter):
  no theme, barrier, ask or guidance flag;
- `tier`: `any`, `upper` (councils providing social care and education) or `lower` (districts).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class P:
    text: str
    t: str = ""
    b: str = ""
    g: str = ""
    q: bool = False
    tier: str = "any"
