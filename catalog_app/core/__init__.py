"""The domain: dataclasses and pure functions, no Qt and no SQL."""
