"""Undo in the core: an edit is reversed only while the record is as the edit left it, and never
reverses a later workflow step, for every state machine; Changes name what an action wrote."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.core import items, meetings, suggestions, supervision, topics
from desktop.core.changes import ChangeRecorder, Changes
from desktop.core.kinds import KINDS
from desktop.core.states import MACHINES
from desktop.core.undo import EditUndo, UndoStale, edit_entry, redo_edit, snapshot, undo_edit
from desktop.messages import describe
from desktop.models.enums import Channel, Level, MeetingKind, TopicSource
from tests.conftest import County
from tests.core.helpers import assigned_item, planned_meeting, vetted_topic


def edit(c: County, kind: str, record_id: int, fn: Callable[[Session], Any]) -> EditUndo:
    """An edit as the window makes it: snapshot, change, entry, in one transaction."""

    def run(session: Session) -> EditUndo:
        before = snapshot(session, kind, record_id)
        fn(session)
        entry = edit_entry(session, kind, record_id, before)
        assert entry is not None
        return entry

    return c.run(run)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Case:
    """One state machine: a record, an edit of its text, a later workflow step, its state."""

    make: Callable[[County], int]
    change: Callable[[County, int], Callable[[Session], Any]]
    step: Callable[[County, int], Callable[[Session], Any]]
    state: Callable[[County, int], str]


def _suggestion(c: County) -> int:
    data = suggestions.SuggestionInput(Channel.LETTER, date(2026, 3, 1), "建议", Level.COUNTY)
    return int(c.run(suggestions.register_suggestion, data).id)


def _bulletin(title: str) -> supervision.BulletinInput:
    return supervision.BulletinInput(date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 8), title)


def _item_edit(item: int, meeting: int, lead: int) -> Callable[[Session], Any]:
    # The meeting is read before the edit's own transaction, as the editor has it.
    data = items.ItemInput(
        meeting,
        "将劳动竞赛奖金全额列入政府年度奖励基金",
        lead_unit_id=lead,
        deadline=date(2026, 6, 30),
    )
    return lambda s: items.update_item(s, item, data)


CASES = {
    "suggestion": Case(
        _suggestion,
        lambda c, i: (
            lambda s: suggestions.update_suggestion(
                s,
                i,
                suggestions.SuggestionInput(
                    Channel.LETTER, date(2026, 3, 1), "建议增加职工书屋", Level.COUNTY
                ),
            )
        ),
        lambda c, i: lambda s: suggestions.reject_suggestion(s, i, "不属于工会职责"),
        lambda c, i: str(c.run(suggestions.get_suggestion, i).status),
    ),
    "topic": Case(
        lambda c: vetted_topic(c),
        lambda c, i: (
            lambda s: topics.update_topic(
                s,
                i,
                topics.TopicInput("劳动竞赛奖金列入奖励基金", TopicSource.RESEARCH, c.federation),
            )
        ),
        lambda c, i: lambda s: topics.defer_topic(s, i, "下次会议再议"),
        lambda c, i: str(c.run(topics.get_topic, i).status),
    ),
    "meeting": Case(
        planned_meeting,
        lambda c, i: (
            lambda s: meetings.update_meeting(
                s,
                i,
                meetings.MeetingInput(
                    MeetingKind.GOVERNMENT_UNION,
                    Level.COUNTY,
                    c.federation,
                    "滨海县人民政府",
                    partner_unit_id=c.government,
                    planned_on=date(2026, 4, 1),
                    place="县政府第二会议室",
                ),
            )
        ),
        lambda c, i: lambda s: meetings.cancel_meeting(s, i, "县长出差"),
        lambda c, i: str(c.run(meetings.get_meeting, i).status),
    ),
    "bulletin": Case(
        lambda c: int(c.run(supervision.save_bulletin_draft, _bulletin("督查通报")).id),
        lambda c, i: lambda s: supervision.save_bulletin_draft(s, _bulletin("督查通报（修改）"), i),
        lambda c, i: lambda s: supervision.submit_bulletin(s, i),
        lambda c, i: str(c.run(supervision.get_bulletin, i).status),
    ),
    "item": Case(
        assigned_item,
        lambda c, i: _item_edit(i, c.run(items.get_item, i).meeting_id, c.hrss),
        lambda c, i: lambda s: items.complete_item(s, i, on=date(2026, 6, 1)),
        lambda c, i: str(c.run(items.get_item, i).status),
    ),
}


def test_every_state_machine_has_a_case() -> None:
    machines = {k.state_machine for k in KINDS.values() if k.state_machine}
    assert machines == set(MACHINES) == set(CASES)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_undo_never_reverses_a_later_workflow_step(county: County, kind: str) -> None:
    case = CASES[kind]
    record = case.make(county)
    entry = edit(county, kind, record, case.change(county, record))
    county.run(case.step(county, record))
    state = case.state(county, record)
    edited = county.run(snapshot, kind, record)

    with pytest.raises(UndoStale) as refused:
        county.run(undo_edit, entry)

    assert case.state(county, record) == state  # the step stands
    assert county.run(snapshot, kind, record) == edited  # and so does the edit
    assert "无法撤销" in describe(refused.value, "zh")
    assert "undo_stale" not in describe(refused.value, "zh")


@pytest.mark.parametrize("kind", sorted(CASES))
def test_undo_and_redo_while_nothing_else_happened(county: County, kind: str) -> None:
    case = CASES[kind]
    record = case.make(county)
    before = county.run(snapshot, kind, record)
    entry = edit(county, kind, record, case.change(county, record))
    after = county.run(snapshot, kind, record)
    state = case.state(county, record)

    undone = county.run(undo_edit, entry)
    assert county.run(snapshot, kind, record) == before
    redone = county.run(redo_edit, undone)
    assert county.run(snapshot, kind, record) == after
    assert case.state(county, record) == state
    # The redone edit can be undone again, until something else touches the record.
    county.run(case.step(county, record))
    with pytest.raises(UndoStale):
        county.run(undo_edit, redone)


def test_an_undo_after_the_record_was_undone_elsewhere_is_refused(county: County) -> None:
    record = _suggestion(county)
    entry = edit(county, "suggestion", record, CASES["suggestion"].change(county, record))
    county.run(undo_edit, entry)
    with pytest.raises(UndoStale):
        county.run(undo_edit, entry)  # the same entry twice: the row moved on


def test_changes_name_the_kinds_and_ids_an_action_wrote(county: County) -> None:
    item = assigned_item(county)

    def complete(session: Session) -> Changes:
        recorder = ChangeRecorder(session)
        items.complete_item(session, item, on=date(2026, 6, 1))
        session.flush()
        recorder.close()
        return recorder.changes()

    changes = county.run(complete)
    assert "item" in changes.kinds and item in changes.ids_of("item")
    assert changes.touches({"item"}) and not changes.touches({"bulletin"})
    assert "unit" not in changes.kinds

    def read_only(session: Session) -> Changes:
        recorder = ChangeRecorder(session)
        items.get_item(session, item)
        session.flush()
        recorder.close()
        return recorder.changes()

    assert not county.run(read_only)
