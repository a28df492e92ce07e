"""The catalogue database: the only package that speaks SQL."""
