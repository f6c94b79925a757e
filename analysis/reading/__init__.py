"""Reading documents: what a file says (PDF, Word, web page, text) read in the limited child, what kind of
document it is, and the figures it states. Pure Python: no database."""
