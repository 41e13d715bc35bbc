"""An operation hears of changes its flushes do not show (a table group) through note_changes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.core.changes import ChangeRecorder, Changes, note_changes
from desktop.core.kinds import EXCHANGE
from tests.conftest import County


def test_noted_changes_join_what_the_session_flushed(county: County) -> None:
    def noted(session: Session) -> Changes:
        recorder = ChangeRecorder(session)
        note_changes(session, Changes.of(EXCHANGE))
        recorder.close()
        note_changes(session, Changes.of("bulletin"))  # after close: heard by nobody
        return recorder.changes()

    changes = county.run(noted)
    assert changes.touches({EXCHANGE}) and not changes.touches({"bulletin"})


def test_noting_without_an_operation_does_nothing(county: County) -> None:
    county.run(lambda session: note_changes(session, Changes.of(EXCHANGE)))
