"""The box a move or a resize of a redaction region leaves: inside the photo, never empty."""

from __future__ import annotations

import pytest

from catalog_app.gui.views.redaction_overlay import HANDLES, MOVE, reshaped_box

BOX = (0.2, 0.3, 0.4, 0.2)


def test_a_move_keeps_the_size_and_stops_at_the_photo_s_edge() -> None:
    assert reshaped_box(BOX, MOVE, 0.1, -0.1, 0.01, 0.01) == pytest.approx((0.3, 0.2, 0.4, 0.2))
    assert reshaped_box(BOX, MOVE, 0.9, -0.9, 0.01, 0.01) == pytest.approx((0.6, 0.0, 0.4, 0.2))


def test_a_handle_moves_its_edges_only_and_keeps_a_least_size() -> None:
    x, y, w, h = reshaped_box(BOX, HANDLES["bottom-right"], 0.1, 0.1, 0.01, 0.01)
    assert (x, y, w, h) == pytest.approx((0.2, 0.3, 0.5, 0.3))
    assert reshaped_box(BOX, HANDLES["top"], 0.3, 0.05, 0.01, 0.01) == pytest.approx(
        (0.2, 0.35, 0.4, 0.15))  # a side's handle: the other direction is left alone
    # dragged past the opposite edge: stops at the least size, the opposite edge stays
    assert reshaped_box(BOX, HANDLES["left"], 0.9, 0, 0.05, 0.05) == pytest.approx(
        (0.55, 0.3, 0.05, 0.2))
    # out of the photo: stops at its edge
    assert reshaped_box(BOX, HANDLES["top-left"], -0.5, -0.5, 0.01, 0.01) == pytest.approx(
        (0.0, 0.0, 0.6, 0.5))
