"""The panel summary: the explorer's findings printed as a PDF and a CSV for the minister's panel."""
