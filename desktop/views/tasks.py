"""Long work off the GUI thread: one serial worker, a progress dialog after half a second, cancel.

The worker is the database worker: every database call of the window runs on it, one at a time
(see operations.py), so database work never runs on the GUI thread and never runs twice at once.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]
T = TypeVar("T")


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object, str)


class _Runnable:
    def __init__(self, job: Job, signals: _Signals) -> None:
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
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lianxi-db")
        self._worker: int | None = None
        self._futures: list[Future[Any]] = []
        self._running: list[tuple[_Runnable, _Signals]] = []
        self.destroyed.connect(lambda *_: self._executor.shutdown(wait=False))

    def on_worker(self) -> bool:
        """True when called from the worker itself (a job calling back into the database)."""
        return threading.get_ident() == self._worker

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        """Run `fn` on the worker after everything submitted before it."""

        def marked() -> T:
            self._worker = threading.get_ident()
            return fn()

        future = self._executor.submit(marked)
        self._futures = [f for f in self._futures if not f.done()] + [future]
        return future

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
        shown: list[QProgressDialog] = []
        latest = [0, 0]

        def show_dialog() -> None:
            # Only a job still running after half a second shows a dialog: quick ones never flash.
            if (runnable, signals) not in self._running:
                return
            if parent is not None and not isValid(parent):
                return  # the page that asked has closed: nobody to show progress to
            dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent)
            dialog.setWindowTitle(self.tr("请稍候"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(lambda: setattr(runnable, "cancel_requested", True))
            shown.append(dialog)
            progress(*latest)
            dialog.show()

        def progress(done: int, total: int) -> None:
            latest[:] = [done, total]
            if shown and total:
                shown[0].setMaximum(max(total, 1))
                shown[0].setValue(min(done, total))

        def finish() -> None:
            for dialog in shown:
                dialog.close()
                dialog.deleteLater()
            shown.clear()
            self._running.remove((runnable, signals))

        def succeeded(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: Exception, _trace: str) -> None:
            finish()
            on_error(exc)

        QTimer.singleShot(500, self, show_dialog)
        signals.progress.connect(progress)
        signals.done.connect(succeeded)
        signals.failed.connect(failed)
        self._running.append((runnable, signals))
        self.submit(runnable.run)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for everything submitted so far (tests, the self-test, closing)."""
        _done, pending = wait_for(list(self._futures), timeout=msecs / 1000)
        return not pending
