"""A widget laying cards out in rows as wide as it is: every member of a group at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget


class CardGrid(QWidget):
    """Holds cards of one width; as many columns as fit, re-flowed when it is resized."""

    SPACING = 8

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(self.SPACING)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cards: list[QWidget] = []
        self.columns = 1

    def set_cards(self, cards: list[QWidget]) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
        self.cards = list(cards)
        self.reflow(force=True)

    def _fit(self) -> int:
        if not self.cards:
            return 1
        width = max(max(card.sizeHint().width(), card.minimumWidth()) for card in self.cards) \
            + self.SPACING
        margins = self.grid.contentsMargins()
        return max(1, (self.width() - margins.left() - margins.right()) // width)

    def reflow(self, force: bool = False) -> None:
        columns = self._fit()
        if columns == self.columns and not force:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for n, card in enumerate(self.cards):
            self.grid.addWidget(card, n // columns, n % columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reflow()

    def position(self, card: QWidget) -> tuple[int, int]:
        """(row, column) of a card in the grid."""
        n = self.cards.index(card)
        return n // self.columns, n % self.columns
