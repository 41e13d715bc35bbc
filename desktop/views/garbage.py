"""Python's cycle collector, run only on the GUI thread.

Qt objects must be destroyed on the thread that owns them. Automatic collection runs in whatever
thread happens to allocate, and the database worker allocates a great deal, so a widget caught
in a reference cycle could be freed there and crash Qt (a dead animation in the GUI thread's
timer list). Anki disables automatic collection for the same reason and collects on a timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_installed: list[GuiThreadCollector] = []


class GuiThreadCollector(QObject):
    """Collects each generation when its count passes the threshold, once a second."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(1000)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_gui_thread() -> None:
    """Install the collector once per application (the first database worker asks for it)."""
    app = QCoreApplication.instance()
    if app is None or (_installed and _installed[0].parent() is app):
        return
    _installed[:] = [GuiThreadCollector(app)]
