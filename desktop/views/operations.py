"""The one way a view reaches the database: every read and every user action goes through here.

Each call runs its transaction on the single database worker (so database work is serialized
and never runs on the GUI thread), words a refusal in one place (`desktop.messages.describe`),
records undo for edits, and announces what changed through `did_execute`, so pages refresh
only what an action touched (Anki's `CollectionOp` and `operation_did_execute`).
"""

from __future__ import annotations

import logging
import sqlite3
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.core.audit import may_restore, record_restore
from desktop.core.changes import EVERYTHING, NOTHING, ChangeRecorder, Changes
from desktop.core.concurrency import require_version
from desktop.core.errors import DomainError
from desktop.core.undo import (
    EditUndo,
    TombstoneUndo,
    edit_entry,
    redo_edit,
    redo_tombstone,
    snapshot,
    tombstone_entry,
    undo_edit,
    undo_tombstone,
)
from desktop.db import Database, DatabaseError
from desktop.db.backup import backup_database, restore_database
from desktop.db.migrate import upgrade
from desktop.messages import describe, kind_label
from desktop.views.form import Form
from desktop.views.garbage import collect_on_gui_thread
from desktop.views.tasks import TaskRunner

T = TypeVar("T")
# What a user action can meet: a refusal of the rules, or a fault of the storage under it.
# Anything else is a bug and is raised.
FAILURES = (DomainError, DatabaseError, SQLAlchemyError, sqlite3.Error, OSError)
log = logging.getLogger(__name__)


class Operations(QObject):
    """Reads, mutations, edits with undo, and long jobs, for one open database."""

    did_execute = Signal(object)  # Changes
    notice = Signal(str)  # a sentence for the status bar (an undo refused, say)

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        collect_on_gui_thread()
        self.tasks = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self._seen_version: int | None = None
        # The refusal of the last user action, for a caller that offers a way out (reload).
        self.last_refusal: DomainError | None = None
        self._own_writes = False
        self._watch_timer: QTimer | None = None

    # ---- running on the worker
    def _on_worker(self, fn: Callable[[], T]) -> T:
        """Run on the database worker and wait: a database call is short, and waiting keeps
        the caller's code in order (nothing else can reach the database meanwhile)."""
        if self.tasks.on_worker():  # a long job calling back: already there
            return fn()
        return self.tasks.submit(fn).result()

    def _transaction(
        self, fn: Callable[..., T], *args: Any, reading: bool = False, **kwargs: Any
    ) -> tuple[T, Changes]:
        def job() -> tuple[T, Changes]:
            transaction = self.db.reading() if reading else self.db.unit_of_work()
            with transaction as session:
                recorder = ChangeRecorder(session)
                try:
                    value = fn(session, *args, **kwargs)
                    session.flush()
                finally:
                    recorder.close()
                changes = recorder.changes()
            if changes:
                self._own_writes = True
            return value, changes

        return self._on_worker(job)

    # ---- the calls views make
    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`fn(session, *args)` in its own transaction; errors are raised to the caller."""
        value, _changes = self._transaction(fn, *args, reading=True, **kwargs)
        return value

    def mutate(
        self,
        fn: Callable[..., T],
        *args: Any,
        form: Form | None = None,
        parent: QWidget | None = None,
        show_in: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> T | None:
        """One user action: `fn(session, *args)` in one transaction, then `did_execute`.

        A refusal is shown (beside the form's field, in a message box over `parent`, or given
        worded to `show_in`, a page's status line) and None returned; nothing is written.
        """
        self.last_refusal = None
        try:
            value, changes = self._transaction(fn, *args, **kwargs)
        except FAILURES as exc:
            self.last_refusal = exc if isinstance(exc, DomainError) else None
            if show_in is not None:
                if not isinstance(exc, DomainError):
                    log.error("operation failed", exc_info=exc)
                show_in(describe(exc))
                return None
            self.show_failure(exc, form=form, parent=parent)
            return None
        if form is not None:
            form.clear_errors()
        self.announce(changes)
        return value

    def edit(
        self,
        kind: str,
        record_id: int,
        fn: Callable[..., T],
        *args: Any,
        title: str = "",
        form: Form | None = None,
        parent: QWidget | None = None,
        seen_version: int | None = None,
        **kwargs: Any,
    ) -> T | None:
        """A saved edit of one record, undoable from the window's undo stack; refused
        (edited_elsewhere) when `seen_version` is given and the record has changed since."""

        def edit_with_undo(session: Session) -> tuple[T, EditUndo | None]:
            if seen_version is not None:
                require_version(session, kind, record_id, seen_version)
            before = snapshot(session, kind, record_id)
            value = fn(session, *args, **kwargs)
            return value, edit_entry(session, kind, record_id, before)

        result = self.mutate(edit_with_undo, form=form, parent=parent)
        if result is None:
            return None
        value, entry = result
        if entry is not None:
            self.undo_stack.push(EditCommand(self, entry, title))
        return value

    def remove(
        self,
        fn: Callable[..., T],
        kind: str,
        record_id: int,
        *args: Any,
        text: str,
        parent: QWidget | None = None,
    ) -> T | None:
        """A delete or a void, `fn(session, kind, record_id, *args)`, undoable from the
        window's undo stack under `text`; None when refused (shown over `parent`)."""

        def remove_with_undo(session: Session) -> tuple[T, TombstoneUndo]:
            value = fn(session, kind, record_id, *args)
            return value, tombstone_entry(session, kind, record_id)

        result = self.mutate(remove_with_undo, parent=parent)
        if result is None:
            return None
        value, entry = result
        self.undo_stack.push(TombstoneCommand(self, entry, text))
        return value

    def run(
        self,
        job: Callable[..., T],
        *,
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None = None,
        changes: Changes | Callable[[T], Changes] = NOTHING,
        label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """Long work (import, export, reports, demo data) with a progress dialog and cancel.

        `job(progress, cancelled)` owns its transactions; `changes` says what it touched.
        """

        def done(value: T) -> None:
            self._own_writes = True
            self.announce(changes(value) if callable(changes) else changes)
            on_done(value)

        def failed(exc: Exception) -> None:
            self._own_writes = True
            if on_error is not None:
                on_error(exc)
            else:
                self.show_failure(exc, parent=parent)

        self.tasks.run(job, on_done=done, on_error=failed, label=label, parent=parent)

    def backup(
        self, *, on_done: Callable[[Path], None], label: str = "", parent: QWidget | None = None
    ) -> None:
        """A verified backup beside the database (reason manual), as a long job."""
        db = self.db
        self.run(
            lambda _p, _c: backup_database(db, reason="manual"),
            on_done=on_done,
            label=label,
            parent=parent,
        )

    def restore(
        self,
        backup: Path,
        *,
        on_done: Callable[[Path], None],
        label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """Put `backup` in place of the database (a file, or a server database with
        pg_restore): the current data is backed up first (reason before-restore; its path
        given to `on_done`), the backup checked, put in place and upgraded, the restore
        recorded in the audit trail as its new anchor; the engine reconnects, every page
        reloads, and the undo history, which speaks of the records before, is dropped.
        Only the office admin may (NotPermitted)."""
        db = self.db

        def job(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Path:
            with db.reading() as session:
                may_restore(session)
            _restored, kept = restore_database(db, backup)
            upgrade(db, backup=False)
            with db.unit_of_work() as session:
                record_restore(session, str(backup))
            return kept

        def done(kept: Path) -> None:
            self.undo_stack.clear()
            on_done(kept)

        self.run(job, on_done=done, changes=EVERYTHING, label=label, parent=parent)

    def watch_other_programs(self, interval_ms: int = 2000) -> None:
        """Notice changes another program made (the CLI, a second window) and refresh."""
        if self._watch_timer is None:
            self._watch_timer = QTimer(self)
            self._watch_timer.timeout.connect(self.check_other_programs)
        self._watch_timer.start(interval_ms)

    def stop_watching(self) -> None:
        """The window closed: no more looks at the database."""
        if self._watch_timer is not None:
            self._watch_timer.stop()

    def check_other_programs(self) -> bool:
        """Announce EVERYTHING when the database changed under us; True if it did. A look that
        fails (the server out of reach a moment, the file locked) is skipped: the next action
        the clerk takes says what is wrong."""
        if self.tasks.busy():  # a long job of ours is writing: look again later
            return False
        try:
            version = self._on_worker(self.db.data_version)
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            log.warning("could not look for other programs' changes: %s", exc)
            return False
        seen, self._seen_version = self._seen_version, version
        own, self._own_writes = self._own_writes, False
        if version is None or seen is None or version == seen or own:
            return False
        self.announce(EVERYTHING)
        return True

    def announce(self, changes: Changes) -> None:
        """Tell every page what changed (an action here, an import, another process)."""
        if changes:
            self.did_execute.emit(changes)

    def show_failure(
        self, exc: BaseException, *, form: Form | None = None, parent: QWidget | None = None
    ) -> None:
        """Word a refusal or a storage fault for the clerk; nothing typed is cleared.

        A storage fault (locked, read-only, full, damaged) is also put in a message box over
        the form: it is not about anything the clerk typed, and must not go unnoticed.
        """
        if isinstance(exc, DomainError) and form is not None:
            form.show_error(exc)
            return
        if not isinstance(exc, DomainError):
            log.error("operation failed", exc_info=exc)
            if parent is None and form is not None:
                parent = form.window()
        text = describe(exc)
        if form is not None:
            form.show_message(text)
        if parent is not None:
            QMessageBox.warning(parent, self.tr("未能完成"), text)
        elif form is None:
            self.notice.emit(text)


class CoreCommand(QUndoCommand):
    """An action on the window's undo stack whose undo and redo are core operations
    (`undo_step`, `redo_step`) taking and returning the action's entry."""

    undo_step: Callable[[Session, Any], Any]
    redo_step: Callable[[Session, Any], Any]

    def __init__(self, ops: Operations, entry: Any, text: str) -> None:
        super().__init__(text)
        self.ops = ops
        self.entry = entry
        self._pushed = True

    def _apply(self, step: Callable[[Session, Any], Any]) -> None:
        try:
            entry, changes = self.ops._transaction(step, self.entry)
        except FAILURES as exc:
            # Refused (the record moved on) or a storage fault (locked, full): the entry is
            # dropped from the stack rather than left claiming a step that did not happen.
            self.setObsolete(True)
            self.ops.notice.emit(describe(exc))
            return
        self.entry = entry
        self.ops.announce(changes)

    def undo(self) -> None:
        self._apply(type(self).undo_step)

    def redo(self) -> None:
        if self._pushed:  # pushed after the action itself: nothing to do yet
            self._pushed = False
            return
        self._apply(type(self).redo_step)


class EditCommand(CoreCommand):
    """A saved edit on the window's undo stack."""

    undo_step = staticmethod(undo_edit)
    redo_step = staticmethod(redo_edit)

    def __init__(self, ops: Operations, entry: EditUndo, title: str) -> None:
        label = kind_label(entry.kind)
        super().__init__(
            ops,
            entry,
            QCoreApplication.translate("Operations", "修改%1“%2”")
            .replace("%1", label)
            .replace("%2", title)
            if title
            else QCoreApplication.translate("Operations", "修改%1").replace("%1", label),
        )


class TombstoneCommand(CoreCommand):
    """A delete, or the void of an issued document, on the window's undo stack."""

    undo_step = staticmethod(undo_tombstone)
    redo_step = staticmethod(redo_tombstone)


_OPERATIONS: dict[int, tuple[weakref.ref[Database], Operations]] = {}


def operations(db: Database) -> Operations:
    """The operations of an open database, made on first use (one per database)."""
    entry = _OPERATIONS.get(id(db))
    if entry is not None and entry[0]() is db:
        return entry[1]
    ops = Operations(db)
    _OPERATIONS[id(db)] = (weakref.ref(db), ops)
    return ops
