"""Data files shipped with the app: catalogue folder notes, styles, themes."""
