"""Exports: galleries to publish, evidence packages to hand over, positions and tables."""
