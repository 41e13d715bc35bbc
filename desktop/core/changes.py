"""What a user action changed: the record kinds and ids it touched, so views refresh only those.

Every operation returns its result together with a `Changes` value (as Anki's `OpChanges`).
`ChangeRecorder` derives it from what the ORM session flushed, so no core function has to list
its effects by hand; bulk writes that bypass the ORM (package import) say theirs explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.core import audit as _audit  # noqa: F401  (registers the audit trail's listeners)
from desktop.core.kinds import KINDS, is_main_model, kind_of_model

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """The kinds an action touched, with the ids of the main records where known.

    `everything` stands for a change whose extent is unknown (a restore, another process):
    every view refreshes.
    """

    kinds: frozenset[str] = frozenset()
    ids: Mapping[str, frozenset[int]] = field(default_factory=dict)
    everything: bool = False

    @classmethod
    def of(cls, kind: str, *ids: int) -> Changes:
        return cls(frozenset({kind}), {kind: frozenset(ids)} if ids else {})

    @classmethod
    def kinds_only(cls, kinds: Iterable[str]) -> Changes:
        return cls(frozenset(kinds))

    def __or__(self, other: Changes) -> Changes:
        ids = {k: set(v) for k, v in self.ids.items()}
        for kind, more in other.ids.items():
            ids.setdefault(kind, set()).update(more)
        return Changes(
            self.kinds | other.kinds,
            {k: frozenset(v) for k, v in ids.items()},
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)

    def touches(self, kinds: Iterable[str]) -> bool:
        """True when a view that shows these kinds must refresh."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    def ids_of(self, kind: str) -> frozenset[int]:
        return self.ids.get(kind, frozenset())


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
ALL_KINDS = frozenset(KINDS)


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """A mutation's result and what it changed."""

    value: T
    changes: Changes


class ChangeRecorder:
    """Collects the kinds and ids an ORM session writes while it is attached."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._kinds: set[str] = set()
        self._ids: dict[str, set[int]] = {}
        self._extra = NOTHING
        event.listen(session, "after_flush", self._after_flush)
        session.info[_RECORDER] = self

    def _after_flush(self, session: Session, _context: Any) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            model = type(obj)
            kind = kind_of_model(model)
            if kind is None:
                continue
            if obj in session.dirty and not session.is_modified(obj):
                continue
            self._kinds.add(kind)
            if is_main_model(model):
                record_id = getattr(obj, "id", None)
                if record_id is not None:
                    self._ids.setdefault(kind, set()).add(record_id)

    def add(self, changes: Changes) -> None:
        """Changes the session cannot see: bulk Core statements, files."""
        self._extra = self._extra | changes

    def changes(self) -> Changes:
        recorded = Changes(frozenset(self._kinds), {k: frozenset(v) for k, v in self._ids.items()})
        return recorded | self._extra

    def close(self) -> None:
        if event.contains(self.session, "after_flush", self._after_flush):
            event.remove(self.session, "after_flush", self._after_flush)
        if self.session.info.get(_RECORDER) is self:
            del self.session.info[_RECORDER]


_RECORDER = "desktop.change_recorder"


def note_changes(session: Session, changes: Changes) -> None:
    """Tell the operation running in `session` of changes its flushes do not show (a table
    group a write also belongs to, bulk statements); nothing when no operation records."""
    recorder = session.info.get(_RECORDER)
    if isinstance(recorder, ChangeRecorder):
        recorder.add(changes)
