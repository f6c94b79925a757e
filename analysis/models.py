"""Plan documents, their passages, and what the analysis found in them."""
