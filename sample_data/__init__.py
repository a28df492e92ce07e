"""The demo mission: made-up photos, each marked DEMO, around the places of the seed reports."""
