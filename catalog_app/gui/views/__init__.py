"""Widgets and windows: layout and wiring, no business rules."""
