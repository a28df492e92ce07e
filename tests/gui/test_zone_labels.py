"""The inspector names every place a capture time's zone can come from (XMP and IPTC too)."""

from __future__ import annotations

from catalog_app.core.models import TimeSource


def test_every_time_source_has_a_label() -> None:
    from catalog_app.gui.views.inspector import ZONE_SOURCES

    assert set(ZONE_SOURCES) == set(TimeSource)
    assert "XMP" in ZONE_SOURCES[TimeSource.XMP] and "IPTC" in ZONE_SOURCES[TimeSource.IPTC]
