"""Review: analysts confirm, correct and add the tags and figures the analysis found, and their decisions become
training examples."""
