"""The explorer across plans: themes, barriers and evidence by council type and region, each count traceable to
its passages; it describes, never ranks."""
