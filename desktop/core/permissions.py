"""Who may change what: the acting account rides on the session, and every flush is checked.

The window (desktop.views.operations) and the CLI (desktop.cli_accounts) put the account that
is logged in on the session factory (`act_as`), so every unit of work carries it in
`session.info["actor"]`. A `before_flush` listener on every Session checks each new, changed
and deleted object against the actor's role, and a `do_orm_execute` listener checks bulk ORM
statements, so no core function can forget a check and the CLI obeys the same rules.

No actor (single-user mode, tests, the demo) means full rights. An actor without a role is the
program itself: a package import acting as its sending office, log-in bookkeeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, object_session, sessionmaker

from desktop.core.errors import DomainError
from desktop.models import Bulletin
from desktop.models.enums import BulletinStatus, ItemStatus, MeetingStatus, Role
from desktop.models.sealed_key import SealedKeyUnavailable, is_sealed, unseal

ACTOR = "actor"


@dataclass(frozen=True)
class Actor:
    """The account an action is done as; `role` None is the program itself (full rights)."""

    username: str
    role: Role | None = None


class NotPermitted(DomainError):
    """The acting account's role may not do `act` (a key of ACT_LABELS in messages)."""

    code = "not_permitted"

    def __init__(self, actor: Actor, act: str) -> None:
        super().__init__(username=actor.username, role=str(actor.role), act=act)
        self.act = act


def actor_of(session: Session) -> Actor | None:
    actor = session.info.get(ACTOR)
    return actor if isinstance(actor, Actor) else None


def act_as(sessions: sessionmaker[Session], actor: Actor | None) -> None:
    """Every session the factory makes from now on acts as `actor` (None: nobody logged in)."""
    info = dict(sessions.kw.get("info") or {})
    info[ACTOR] = actor
    sessions.configure(info=info)


@contextmanager
def acting_as(session: Session, actor: Actor | None) -> Iterator[None]:
    """Act as someone else for a while (an import acts as its sending office)."""
    before = session.info.get(ACTOR)
    session.info[ACTOR] = actor
    try:
        yield
    finally:
        session.info[ACTOR] = before


def require(session: Session, act: str, *roles: Role) -> None:
    """Refuse unless the actor has one of `roles` (or full rights)."""
    actor = actor_of(session)
    if actor is not None and actor.role is not None and actor.role not in roles:
        raise NotPermitted(actor, act)


# Every table is placed below, by who writes it; a table placed nowhere is refused to all but
# the admin, so a new table is closed until someone decides (tests/core/test_permission_matrix
# fails until then). The roles follow issue 16: 录入 (clerk) keeps the records, 审核 (reviewer)
# also verifies items and issues documents, 单位管理员 (admin) also keeps accounts, settings,
# keys and the assessment scheme, 查阅 (leader) reads and prints.

# The records of the joint-meeting cycle, and the exchange bookkeeping a clerk's export or
# conflict decision writes: every role but the leader.
RECORD_TABLES = frozenset(
    {
        "unit",
        "unit_merge",
        "establishment",
        "suggestion",
        "topic",
        "topic_research",
        "topic_consultation",
        "meeting",
        "meeting_participant",
        "working_group",
        "agenda_entry",
        "meeting_time",
        "agreed_item",
        "item_cooperating_unit",
        "progress_feedback",
        "feedback_figure",
        "item_event",
        "attachment",
        "attachment_blob",
        "assessment_result",  # provisional scores; publishing them is the admin's
        "exchange_peer",
        "exchange_received",
        "exchange_sent",
        "exchange_held",
        "exchange_conflict",
        "exchange_pending",
        "exchange_log",
        "exchange_base",
    }
)
# Tables only the office admin changes: accounts, business settings (the holiday calendar
# among them: it moves every deadline), the office and its keys, the assessment scheme.
ADMIN_TABLES = {
    "user_account": "manage_accounts",
    "setting": "change_settings",
    "calendar_day": "change_settings",
    "office": "change_settings",
    "assessment_scheme": "manage_assessment",
    "assessment_indicator": "manage_assessment",
}
# Documents only a reviewer or the admin issues (an issued document's first frozen copy is
# written by whoever prints it first; see `refusal`).
ISSUING_TABLES = frozenset(
    {"supervision_notice", "notice_item", "bulletin", "bulletin_mention", "issued_document"}
)
# Rows anyone who may print writes: the counter a number is taken from (a notified meeting's
# notice is numbered at first print).
PRINTING_TABLES = frozenset({"doc_counter"})
# The audit trail is written by desktop.core.audit on the connection, never through the ORM:
# an ORM write to it is someone rewriting history, refused to every role, the admin's too.
TRAIL_TABLES = frozenset({"audit_entry"})


# The office's private keys: sealing a key written before sealing existed, at its first use.
PRIVATE_KEY_COLUMNS = ("signing_private_key", "encryption_private_key")


def refusal(role: Role, table: str, operation: str, obj: Any = None) -> str | None:
    """The act `role` may not do by this write, or None when it may.

    `obj` is the ORM object written; None for a bulk statement, judged by its table alone.
    """
    if table in TRAIL_TABLES:
        return "rewrite_audit_trail"
    if role is Role.ADMIN:
        return None
    if obj is not None and is_system_write(table, operation, obj):
        return None
    if table in PRINTING_TABLES or (
        table == "issued_document"
        and operation == "insert"
        and obj is not None
        and obj.version == 1
    ):
        return None
    if role is Role.LEADER:
        return "change_records"
    if table in ADMIN_TABLES:
        return ADMIN_TABLES[table]
    if table not in RECORD_TABLES | ISSUING_TABLES:
        return "change_settings"
    if (
        table == "assessment_result"
        and operation != "delete"
        and (obj is None or not obj.provisional)
    ):
        return "publish_results"
    if role is Role.REVIEWER:
        return None
    if obj is not None and drafts_bulletin(table, obj):
        return None
    if table in ISSUING_TABLES:
        return "issue_documents"
    if obj is None:
        return None
    if table == "agreed_item" and _touches(obj, "status", ItemStatus.VERIFIED):
        return "verify_items"
    if table == "meeting" and _touches(obj, "status", MeetingStatus.MINUTES_ISSUED):
        return "issue_documents"
    return None


def is_system_write(table: str, operation: str, obj: Any) -> bool:
    """True for a write the program does on its own whoever is working, not an edit of theirs:
    sealing the office's private keys at first use (a database from before sealing existed;
    the first package a clerk exports signs with them). The same keys, only sealed: a change of
    key, or of anything else on the row, is still the admin's."""
    if table != "office" or operation != "update":
        return False
    state = inspect(obj)
    changed = [a.key for a in state.mapper.column_attrs if state.attrs[a.key].history.deleted]
    if not changed or not set(changed) <= set(PRIVATE_KEY_COLUMNS):
        return False
    return all(_seals_same_key(state.attrs[key].history) for key in changed)


def _seals_same_key(history: Any) -> bool:
    old = history.deleted[0] if history.deleted else None
    new = history.added[0] if history.added else None
    if not isinstance(old, bytes) or not isinstance(new, bytes):
        return False
    if is_sealed(old) or not is_sealed(new):
        return False
    try:
        return unseal(new) == old
    except (SealedKeyUnavailable, InvalidTag):
        return False


def drafts_bulletin(table: str, obj: Any) -> bool:
    """True for a write to a bulletin that stays a draft (or goes to review): a clerk drafts
    bulletins; issuing one, or changing one issued, is a reviewer's."""
    if table == "bulletin_mention":
        parent = obj.bulletin
        session = object_session(obj)
        if parent is None and obj.bulletin_id is not None and session is not None:
            parent = session.get(Bulletin, obj.bulletin_id)  # a mention taken off a draft
        return parent is not None and drafts_bulletin("bulletin", parent)
    if table != "bulletin":
        return False
    return obj.status != BulletinStatus.ISSUED and not _touches(
        obj, "status", BulletinStatus.ISSUED
    )


def _touches(obj: Any, column: str, value: Any) -> bool:
    """True when the write sets `column` to `value` or moves it away from `value`."""
    history = inspect(obj).attrs[column].history
    if not history.has_changes():
        return False
    return value in (*history.added, *history.deleted)


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    actor = actor_of(session)
    if actor is None or actor.role is None:
        return
    writes = (
        *(("insert", obj) for obj in session.new),
        *(("update", obj) for obj in session.dirty if session.is_modified(obj)),
        *(("delete", obj) for obj in session.deleted),
    )
    for operation, obj in writes:
        table = getattr(type(obj), "__tablename__", "")
        act = refusal(actor.role, table, operation, obj)
        if act is not None:
            raise NotPermitted(actor, act)


def _check_statement(state: ORMExecuteState) -> None:
    """Bulk UPDATE/DELETE/INSERT through the ORM: judged by its table, as `refusal` says."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    actor = actor_of(state.session)
    if actor is None or actor.role is None:
        return
    table = getattr(getattr(state.statement, "table", None), "name", "")
    operation = "update" if state.is_update else "delete" if state.is_delete else "insert"
    act = refusal(actor.role, table, operation)
    if act is not None:
        raise NotPermitted(actor, act)


event.listen(Session, "before_flush", _check_flush)
event.listen(Session, "do_orm_execute", _check_statement)


def actor_of_sessions(sessions: sessionmaker[Session]) -> Actor | None:
    """The account the factory's sessions act as (the one logged in to the window)."""
    actor = (sessions.kw.get("info") or {}).get(ACTOR)
    return actor if isinstance(actor, Actor) else None
