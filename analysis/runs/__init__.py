"""Analysis runs over the corpus, and the background task that performs a queued one."""
