"""Committees, meetings, agenda items and agenda packs."""
