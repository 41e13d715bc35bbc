"""Bulletins are drafted, reviewed, then issued: only issuing takes a number, freezes the copy
and makes the bulletin count (escalation, assessment, a unit's history)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.core import issued, items, supervision
from desktop.core.errors import DomainError, IllegalTransition, InvalidInput
from desktop.core.escalation import Step, rungs_taken
from desktop.core.history import unit_history
from desktop.core.permissions import ACTOR, Actor, NotPermitted
from desktop.core.supervision import BulletinInput, MentionInput
from desktop.models import DocCounter
from desktop.models.enums import BulletinStatus, MentionKind, NoticeKind, Role
from tests.conftest import County
from tests.core.helpers import assigned_item

ISSUE_DAY = date(2026, 10, 8)


def _input(c: County, title: str = "第三季度督查通报", on: date = ISSUE_DAY) -> BulletinInput:
    return BulletinInput(
        date(2026, 7, 1),
        date(2026, 9, 30),
        on,
        title,
        mentions=(MentionInput(c.hrss, MentionKind.CRITICISM, "逾期未整改"),),
    )


def _counter(c: County) -> int | None:
    return c.run(
        lambda s: s.scalar(
            select(DocCounter.last_number).where(
                DocCounter.series == "bulletin", DocCounter.year == 2026
            )
        )
    )


def _as(c: County, role: Role, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with c.db.unit_of_work() as session:
        session.info[ACTOR] = Actor(f"user_{role.value}", role)
        return fn(session, *args, **kwargs)


def test_saving_keeps_a_draft_without_a_number_and_issuing_numbers_and_freezes_it(
    county: County,
) -> None:
    c = county
    draft = c.run(supervision.save_bulletin_draft, _input(c))
    assert (draft.status, draft.number, draft.issue_no) == (BulletinStatus.DRAFT, "", 0)
    assert _counter(c) is None  # no number reserved
    assert c.run(issued.versions, "bulletin", draft.id) == []
    assert c.run(issued.printable, "bulletin", draft.id).issue is None  # prints as a draft
    edited = c.run(
        supervision.save_bulletin_draft, _input(c, "第三季度督查通报（修改稿）"), draft.id
    )
    assert edited.title.endswith("（修改稿）") and edited.id == draft.id
    # A second draft saved meanwhile takes nothing either: the first issued is 第1期.
    other = c.run(supervision.save_bulletin_draft, _input(c, "另一期"))
    c.run(supervision.submit_bulletin, draft.id)
    with pytest.raises(DomainError) as refused:
        c.run(supervision.save_bulletin_draft, _input(c), draft.id)
    assert refused.value.code == "bulletin_not_draft"
    done = c.run(supervision.issue_bulletin, draft.id, today=date(2026, 12, 5))
    assert done.status == BulletinStatus.ISSUED
    assert (done.number, done.issue_no, done.issued_on) == ("滨工联通〔2026〕1号", 1, ISSUE_DAY)
    assert _counter(c) == 1
    [version] = c.run(issued.versions, "bulletin", draft.id)
    assert version.number == "滨工联通〔2026〕1号"
    with pytest.raises(IllegalTransition):
        c.run(supervision.issue_bulletin, draft.id, today=date(2026, 12, 5))
    assert c.run(supervision.get_bulletin, other.id).number == ""


def test_an_issue_is_never_dated_after_today_nor_before_the_last_issued(county: County) -> None:
    c = county
    first = c.run(supervision.save_bulletin_draft, _input(c))
    with pytest.raises(InvalidInput) as future:
        c.run(supervision.issue_bulletin, first.id, today=date(2026, 10, 7))
    assert future.value.code == "in_future"
    c.run(supervision.issue_bulletin, first.id, today=ISSUE_DAY)
    second = c.run(supervision.save_bulletin_draft, _input(c, "补发"))
    with pytest.raises(InvalidInput) as backdated:
        c.run(supervision.issue_bulletin, second.id, date(2026, 10, 1), today=ISSUE_DAY)
    assert backdated.value.code == "before_last_number"
    assert _counter(c) == 1  # the refused issue took no number


def test_a_draft_counts_nowhere_until_it_is_issued(county: County) -> None:
    c = county
    late = assigned_item(c, deadline=date(2026, 6, 1))  # led by 县人社局
    c.run(
        supervision.issue_notice,
        supervision.NoticeInput(
            NoticeKind.RECTIFICATION,
            c.hrss,
            (late,),
            date(2026, 8, 3),
            problem="进度严重滞后",
            rectify_deadline=date(2026, 9, 1),
        ),
        today=date(2026, 8, 3),
    )
    draft = c.run(supervision.save_bulletin_draft, _input(c))

    def counted() -> tuple[bool, int, bool]:
        rungs = c.run(rungs_taken, [late], date(2026, 12, 5))[late]
        timeline = [e.action for e in c.run(items.get_item, late).timeline]
        history = c.run(unit_history, c.hrss)
        return Step.CRITICISM in rungs, history.criticisms, "criticism" in timeline

    assert counted() == (False, 0, False)
    c.run(supervision.submit_bulletin, draft.id)
    assert counted() == (False, 0, False)
    c.run(supervision.issue_bulletin, draft.id, today=date(2026, 12, 5))
    assert counted() == (True, 1, True)


def test_a_clerk_drafts_and_submits_and_only_a_reviewer_issues(county: County) -> None:
    c = county
    draft = _as(c, Role.CLERK, supervision.save_bulletin_draft, _input(c))
    _as(c, Role.CLERK, supervision.save_bulletin_draft, _input(c, "改一稿"), draft.id)
    _as(c, Role.CLERK, supervision.submit_bulletin, draft.id)
    for step in (supervision.issue_bulletin, supervision.return_bulletin):
        with pytest.raises(NotPermitted) as refused:
            _as(c, Role.CLERK, step, draft.id)
        assert refused.value.act == "issue_documents"
    with pytest.raises(NotPermitted):
        _as(c, Role.LEADER, supervision.save_bulletin_draft, _input(c))
    _as(c, Role.REVIEWER, supervision.return_bulletin, draft.id)
    assert c.run(supervision.get_bulletin, draft.id).status == BulletinStatus.DRAFT
    done = _as(c, Role.REVIEWER, supervision.issue_bulletin, draft.id, today=ISSUE_DAY)
    assert done.number == "滨工联通〔2026〕1号"
    assert _counter(c) == 1
