"""Every role against the core functions that change data: what each may do, checked at flush."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.core.accounts import (
    create_account,
    reset_password,
    set_active,
    set_idle_lock_minutes,
    set_role,
    set_single_user_mode,
)
from desktop.core.assessment import default_scheme, publish_results, save_results, save_scheme
from desktop.core.assessment.scoring import compute_scorecard
from desktop.core.items import (
    ItemInput,
    cancel_item,
    complete_item,
    create_item,
    request_extension,
    verify_item,
)
from desktop.core.meetings import cancel_meeting, issue_minutes, save_minutes_text
from desktop.core.permissions import ACTOR, Actor, NotPermitted
from desktop.core.settings import (
    SupervisionSettings,
    save_font_folder,
    save_supervision_settings,
)
from desktop.core.suggestions import SuggestionInput, register_suggestion, reply_to_worker
from desktop.core.supervision import BulletinInput, NoticeInput, issue_notice
from desktop.core.topics import TopicInput, create_topic, vet_topic
from desktop.core.units import UnitInput, create_unit, update_unit
from desktop.messages import message
from desktop.models.enums import (
    Channel,
    Level,
    NoticeKind,
    Role,
    TopicSource,
    UnitKind,
)
from tests.conftest import County
from tests.core.assessment_records import TODAY, build
from tests.core.helpers import assigned_item, held_meeting, issued_bulletin, planned_meeting

ALL = frozenset(Role)
WRITERS = frozenset({Role.CLERK, Role.REVIEWER, Role.ADMIN})
ISSUERS = frozenset({Role.REVIEWER, Role.ADMIN})
ADMIN = frozenset({Role.ADMIN})


@dataclass(frozen=True)
class Mutation:
    """A core function that changes data, what it needs set up first, and who may call it."""

    name: str
    setup: Callable[[County], Any]
    call: Callable[[Session, Any], Any]
    allowed: frozenset[Role]


def _completed_item(c: County) -> int:
    item = assigned_item(c)
    c.run(complete_item, item, on=date(2026, 5, 1))
    return item


def _held_with_minutes(c: County) -> int:
    meeting, _topic = held_meeting(c)
    c.run(save_minutes_text, meeting, "会议纪要正文")
    return meeting


def _scored(c: County) -> None:
    build(c)
    c.run(save_results, c.run(compute_scorecard, 2025, today=TODAY))


def _nothing(_c: County) -> None:
    return None


def _clerk_account(c: County) -> str:
    c.run(create_account, "xiaowang", "secret-pass", Role.CLERK)
    return "xiaowang"


MUTATIONS = [
    Mutation(
        "create_unit",
        _nothing,
        lambda s, _: create_unit(s, UnitInput("县总工会机关", UnitKind.DEPARTMENT, Level.COUNTY)),
        WRITERS,
    ),
    Mutation(
        "register_suggestion",
        _nothing,
        lambda s, _: register_suggestion(
            s, SuggestionInput(Channel.WECHAT, date(2026, 3, 1), "食堂太远", Level.COUNTY)
        ),
        WRITERS,
    ),
    Mutation(
        "create_topic",
        lambda c: c.federation,
        lambda s, unit: create_topic(s, TopicInput("职工食堂", TopicSource.RESEARCH, unit)),
        WRITERS,
    ),
    Mutation(
        "create_item",
        held_meeting,
        lambda s, mt: create_item(s, ItemInput(mt[0], "落实职工食堂", topic_id=mt[1])),
        WRITERS,
    ),
    Mutation(
        "complete_item",
        assigned_item,
        lambda s, item: complete_item(s, item, on=date(2026, 5, 1)),
        WRITERS,
    ),
    Mutation(
        "verify_item",
        _completed_item,
        lambda s, item: verify_item(s, item, on=date(2026, 5, 2)),
        ISSUERS,
    ),
    Mutation(
        "issue_minutes",
        _held_with_minutes,
        lambda s, meeting: issue_minutes(s, meeting, issued_on=date(2026, 4, 3)),
        ISSUERS,
    ),
    Mutation(
        "issue_notice",
        lambda c: (c.hrss, assigned_item(c)),
        lambda s, ui: issue_notice(
            s,
            NoticeInput(NoticeKind.REMINDER, ui[0], (ui[1],), date(2026, 4, 10)),
            today=date(2026, 4, 10),
        ),
        ISSUERS,
    ),
    Mutation(
        "issue_bulletin",
        _nothing,
        lambda s, _: issued_bulletin(
            s, BulletinInput(date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 5), "督查通报")
        ),
        ISSUERS,
    ),
    Mutation(
        "save_supervision_settings",
        _nothing,
        lambda s, _: save_supervision_settings(s, SupervisionSettings(no_feedback_days=20)),
        ADMIN,
    ),
    Mutation(
        "save_scheme",
        _nothing,
        lambda s, _: save_scheme(s, default_scheme(2026)),
        ADMIN,
    ),
    Mutation("publish_results", _scored, lambda s, _: publish_results(s, 2025), ADMIN),
    Mutation(
        "create_account",
        _nothing,
        lambda s, _: create_account(s, "xiaowang", "secret-pass", Role.CLERK),
        ADMIN,
    ),
    Mutation("set_single_user_mode", _nothing, lambda s, _: set_single_user_mode(s, True), ADMIN),
    Mutation(
        "update_unit",
        lambda c: c.hrss,
        lambda s, unit: update_unit(
            s, unit, UnitInput("县人力资源和社会保障局", UnitKind.DEPARTMENT, Level.COUNTY)
        ),
        WRITERS,
    ),
    Mutation(
        "vet_topic",
        lambda c: (
            c.run(create_topic, TopicInput("职工食堂", TopicSource.RESEARCH, c.federation)).id
        ),
        lambda s, topic: vet_topic(s, topic, on=date(2026, 3, 20), conclusion="提交联席会议"),
        WRITERS,
    ),
    Mutation(
        "reply_to_worker",
        lambda c: (
            c.run(
                register_suggestion,
                SuggestionInput(Channel.WECHAT, date(2026, 3, 1), "食堂太远", Level.COUNTY),
            ).id
        ),
        lambda s, sid: reply_to_worker(s, sid, "已转交县总工会研究", date(2026, 3, 5)),
        WRITERS,
    ),
    Mutation(
        "cancel_meeting",
        planned_meeting,
        lambda s, meeting: cancel_meeting(s, meeting, "县长出差"),
        WRITERS,
    ),
    Mutation(
        "request_extension",
        assigned_item,
        lambda s, item: request_extension(
            s, item, new_deadline=date(2026, 9, 30), reason="资金未到位", on=date(2026, 6, 1)
        ),
        WRITERS,
    ),
    Mutation(
        "cancel_item",
        assigned_item,
        lambda s, item: cancel_item(s, item, on=date(2026, 5, 1), reason="政策调整"),
        WRITERS,
    ),
    Mutation("save_font_folder", _nothing, lambda s, _: save_font_folder(s, "/opt/fonts"), ADMIN),
    Mutation("set_idle_lock_minutes", _nothing, lambda s, _: set_idle_lock_minutes(s, 5), ADMIN),
    Mutation(
        "reset_password",
        _clerk_account,
        lambda s, name: reset_password(s, name, "another-pass"),
        ADMIN,
    ),
    Mutation("disable_account", _clerk_account, lambda s, name: set_active(s, name, False), ADMIN),
    Mutation("set_role", _clerk_account, lambda s, name: set_role(s, name, Role.REVIEWER), ADMIN),
]


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.name)
def test_role_against_core_mutation(county: County, mutation: Mutation, role: Role) -> None:
    prepared = mutation.setup(county)
    actor = Actor(f"user_{role.value}", role)
    allowed = role in mutation.allowed
    try:
        with county.db.unit_of_work() as session:
            session.info[ACTOR] = actor
            mutation.call(session, prepared)
            session.flush()
    except NotPermitted as refused:
        assert not allowed, f"{role} refused {mutation.name}"
        assert refused.fields["role"] == role.value
        text = message(refused.code, refused.fields)
        assert text.startswith(f"当前账户“user_{role.value}”")
        assert "无权" in text
    else:
        assert allowed, f"{role} was allowed {mutation.name}"


def test_no_actor_has_full_rights(county: County) -> None:
    chosen = {"create_unit", "issue_bulletin", "save_supervision_settings", "create_account"}
    for mutation in (m for m in MUTATIONS if m.name in chosen):
        prepared = mutation.setup(county)
        county.run(mutation.call, prepared)


def test_refusal_leaves_nothing_written(county: County) -> None:
    item = _completed_item(county)
    with pytest.raises(NotPermitted), county.db.unit_of_work() as session:
        session.info[ACTOR] = Actor("clerk", Role.CLERK)
        verify_item(session, item, on=date(2026, 5, 2))
    with county.db.reading() as session:
        from desktop.core.items import get_item

        assert get_item(session, item).status == "completed"


def test_leader_prints_an_old_issued_document_which_freezes_it(county: County) -> None:
    """Printing is reading for a leader, even when the first print freezes the issued copy."""
    from sqlalchemy import delete, func, select

    from desktop.core.issued import printable
    from desktop.models import IssuedDocument

    meeting = _held_with_minutes(county)
    county.run(issue_minutes, meeting, issued_on=date(2026, 4, 3))
    with county.db.unit_of_work() as session:  # as if issued before frozen copies existed
        session.execute(delete(IssuedDocument))
    with county.db.unit_of_work() as session:
        session.info[ACTOR] = Actor("lead", Role.LEADER)
        printable(session, "minutes", meeting)
    with county.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(IssuedDocument)) == 1
