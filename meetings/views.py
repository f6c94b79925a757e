"""Pages for meetings."""
