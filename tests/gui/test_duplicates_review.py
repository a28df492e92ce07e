"""Reviewing duplicates in the window: groups with their keepers' thumbnails, every member in a
grid, the three decisions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from catalog_app.core.models import PhotoFilter
from catalog_app.gui.views.duplicates_view import KEEPER_SHOWN_ROLE
from tests.gui.conftest import import_and_wait, open_window, settle

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


def _show_duplicates(qtbot, workspace):
    window = workspace.window
    with qtbot.waitSignal(workspace.review.loaded, timeout=20000):
        window.sidebar.select("duplicates")
    qtbot.waitUntil(lambda: len(window.duplicates.cards) >= 2, timeout=20000)
    return window.duplicates


def test_review_keep_not_duplicates_and_accept(qtbot, controller, tmp_path) -> None:
    workspace = open_window(qtbot, controller, tmp_path / "cat")
    window, decided = workspace.window, workspace.review.decided
    summary, _ = import_and_wait(qtbot, workspace, [SAMPLE])
    assert len(summary.near_duplicates) == 3
    view = _show_duplicates(qtbot, workspace)
    assert view.groups.count() == 3 and view.open_count() == 3
    assert window.stack.currentWidget() is view
    assert "Duplicates  (3)" in [window.sidebar.item(r).text()
                                 for r in range(window.sidebar.count())]

    keeper_card, copy_card = view.cards[:2]
    assert not keeper_card.keep_button.isEnabled()  # the suggested keeper comes first
    # every member at once, in as many columns as fit; each group shows its keeper's face
    assert view.members.cards == view.cards  # the grid holds every member of the group
    qtbot.waitUntil(lambda: all(view.groups.item(r).data(KEEPER_SHOWN_ROLE)
                                for r in range(view.groups.count())), timeout=20000)
    assert copy_card.differs, "a copy shows how it differs from the keeper"
    chosen = copy_card.photo_id  # overrule the suggestion: keep the copy
    group_id = view._current.id
    with qtbot.waitSignal(decided, timeout=20000):
        copy_card.keep_button.click()
    qtbot.waitUntil(lambda: view.open_count() == 2, timeout=20000)
    catalogue = workspace.session.catalogue
    settle(qtbot, workspace)  # reads go through the session thread; wait for it idle
    grid = {r.id for r in catalogue.grid_rows(PhotoFilter())}
    assert chosen in grid and keeper_card.photo_id not in grid
    assert catalogue.custody_log(keeper_card.photo_id)[-1].details["keeper"] == chosen
    assert catalogue.custody_log(keeper_card.photo_id)[-1].operator == "gui-tester"

    open_group = next(g for g in view._groups if not g.resolved)
    view.groups.setCurrentRow(view._groups.index(open_group))
    qtbot.waitUntil(lambda: view._current is open_group and len(view.cards) >= 2,
                    timeout=20000)
    with qtbot.waitSignal(decided, timeout=20000):
        view.not_duplicates.click()
    refused = {m.photo for m in open_group.members}
    qtbot.waitUntil(lambda: all(not refused <= {m.photo for m in g.members}
                                for g in view._groups), timeout=20000)
    # (a member may still group with another photo it nearly duplicates; never with these)

    view.accept.click()  # asks first, saying how many photos it marks
    qtbot.waitUntil(lambda: workspace.review.question is not None
                    and workspace.review.question.isVisible(), timeout=20000)
    assert " photo" in workspace.review.question.text()
    with qtbot.waitSignal(decided, timeout=20000):
        workspace.review.question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.open_count() == 0, timeout=20000)
    assert any(g.id == group_id and g.resolved and g.keeper == chosen for g in view._groups)


def test_differences_and_merge_from_the_review(qtbot, controller, tmp_path) -> None:
    from catalog_app.core.models import Incident

    workspace = open_window(qtbot, controller, tmp_path / "cat")
    window, decided = workspace.window, workspace.review.decided
    import_and_wait(qtbot, workspace, [SAMPLE])
    view = _show_duplicates(qtbot, workspace)
    keeper_card, copy_card = view.cards[:2]
    view.show_differences.setChecked(True)
    qtbot.waitUntil(lambda: copy_card.showing_difference, timeout=20000)
    assert not keeper_card.showing_difference
    catalogue, actor = workspace.session.catalogue, workspace.session.actor
    settle(qtbot, workspace)
    site = catalogue.add_incident(Incident(0, "Izyum forest graves"), actor)
    catalogue.tag([copy_card.photo_id], site, actor)
    with qtbot.waitSignal(decided, timeout=20000):
        view.merge.click()
    assert "was tagged to Izyum forest graves" in window.statusBar().currentMessage()
    settle(qtbot, workspace)
    assert catalogue.photo(keeper_card.photo_id).incident == (site, "Izyum forest graves")


def test_the_card_grid_flows_cards_into_as_many_columns_as_fit(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from catalog_app.gui.views.card_grid import CardGrid

    grid = CardGrid()
    qtbot.addWidget(grid)
    cards = [QWidget() for _ in range(5)]
    for card in cards:
        card.setFixedSize(200, 150)
    grid.set_cards(cards)
    for width, columns in ((3 * 208 + 40, 3), (208 + 30, 1), (5 * 208 + 60, 5)):
        grid.resize(width, 800)
        grid.reflow()
        assert grid.columns == columns
        assert [grid.position(c) for c in cards] == [(n // columns, n % columns)
                                                     for n in range(5)]
