"""The one progress renderer of the command line: a tqdm bar on stderr, only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from catalog_app.core.progress import Progress


def drive(events: Iterable[Progress], label: str, *, unit: str = "photo",
          enabled: bool = True) -> None:
    """Run a job to its end by consuming its events; show a bar if enabled and on a terminal.

    The job does its work while it is iterated, so the events are consumed either way; the bar
    is closed however the job ends (finished, an error, Ctrl-C).
    """
    show = enabled and sys.stderr.isatty()
    bar = None
    try:
        for event in events:
            if not show:
                continue
            if bar is None:
                from tqdm import tqdm

                bar = tqdm(total=event.total, unit=_unit(unit), file=sys.stderr, desc=label,
                           dynamic_ncols=True, smoothing=0.1)
            if event.total != bar.total:
                bar.total = event.total
            bar.update(event.done - bar.n)
            if event.current:
                bar.set_postfix_str(Path(event.current).name[-40:], refresh=False)
    finally:
        if bar is not None:
            bar.close()


def _unit(unit: str) -> str:
    """The bar's unit ('12.5photo/s') in the current language."""
    from catalog_app.cli.common import pgettext

    return {"photo": pgettext("progress unit", "photo"),
            "file": pgettext("progress unit", "file")}.get(unit, unit)
