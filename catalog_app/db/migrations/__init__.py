"""Numbered schema versions, applied in order (NNNN_name.sql)."""
