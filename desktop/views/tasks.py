"""Long work off the GUI thread: one serial worker, a progress dialog after half a second, cancel."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals) -> None:
        super().__init__()
        self.job = job
        self.signals = signals
        self.cancel_requested = False

    def run(self) -> None:
        try:
            result = self.job(self._progress, lambda: self.cancel_requested)
        except Exception as exc:  # handed to the GUI thread, which words it for the user
            self._emit(self.signals.failed, exc, traceback.format_exc())
        else:
            self._emit(self.signals.done, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.signals.progress, done, total)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # RuntimeError: the window that asked has closed; nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


class TaskRunner(QObject):
    """Runs jobs one at a time, so database work is serialized on a single worker thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: list[tuple[_Runnable, _Signals]] = []

    def run(
        self,
        job: Job,
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        signals = _Signals()
        runnable = _Runnable(job, signals)
        runnable.setAutoDelete(False)
        dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent)
        dialog.setWindowTitle(self.tr("请稍候"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)  # quick jobs never flash a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(lambda: setattr(runnable, "cancel_requested", True))

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, total))

        def finish() -> None:
            dialog.close()
            dialog.deleteLater()
            self._running.remove((runnable, signals))

        def succeeded(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: Exception, _trace: str) -> None:
            finish()
            on_error(exc)

        signals.progress.connect(progress)
        signals.done.connect(succeeded)
        signals.failed.connect(failed)
        self._running.append((runnable, signals))
        self.pool.start(runnable)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
