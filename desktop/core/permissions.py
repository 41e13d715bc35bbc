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
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from desktop.core.errors import DomainError
from desktop.models.enums import ItemStatus, MeetingStatus, Role
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


# Tables only the office admin changes: accounts, business settings, the office and its keys
# and peers, the assessment scheme.
ADMIN_TABLES = {
    "user_account": "manage_accounts",
    "setting": "change_settings",
    "office": "change_settings",
    "assessment_scheme": "manage_assessment",
    "assessment_indicator": "manage_assessment",
}
# Documents only a reviewer or the admin issues.
ISSUING_TABLES = {"supervision_notice", "bulletin", "bulletin_mention"}
# Rows anyone who may print writes: the frozen first copy of an already issued document, and
# the counter its number is taken from (a notified meeting's notice is numbered at first print).
PRINTING_TABLES = {"doc_counter"}


# The office's private keys: sealing a key written before sealing existed, at its first use.
PRIVATE_KEY_COLUMNS = ("signing_private_key", "encryption_private_key")


def refusal(role: Role, table: str, operation: str, obj: Any) -> str | None:
    """The act `role` may not do by this write, or None when it may."""
    if role is Role.ADMIN or is_system_write(table, operation, obj):
        return None
    if table in PRINTING_TABLES or (
        table == "issued_document" and operation == "insert" and obj.version == 1
    ):
        return None
    if role is Role.LEADER:
        return "change_records"
    if table in ADMIN_TABLES:
        return ADMIN_TABLES[table]
    if table == "assessment_result" and operation != "delete" and not obj.provisional:
        return "publish_results"
    if role is Role.REVIEWER:
        return None
    if table in ISSUING_TABLES or table == "issued_document":
        return "issue_documents"
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


def _touches(obj: Any, column: str, value: Any) -> bool:
    """True when the write sets `column` to `value` or moves it away from `value`."""
    history = inspect(obj).attrs[column].history
    if not history.has_changes():
        return False
    return value in (*history.added, *history.deleted)


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    actor = actor_of(session)
    if actor is None or actor.role is None or actor.role is Role.ADMIN:
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
    """Bulk UPDATE/DELETE/INSERT through the ORM: judged by table, as a change of records."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    actor = actor_of(state.session)
    if actor is None or actor.role is None or actor.role is Role.ADMIN:
        return
    table = getattr(getattr(state.statement, "table", None), "name", "")
    if actor.role is Role.LEADER:
        raise NotPermitted(actor, "change_records")
    if table in ADMIN_TABLES:
        raise NotPermitted(actor, ADMIN_TABLES[table])
    if actor.role is Role.CLERK and (table in ISSUING_TABLES or table == "issued_document"):
        raise NotPermitted(actor, "issue_documents")


event.listen(Session, "before_flush", _check_flush)
event.listen(Session, "do_orm_execute", _check_statement)


def actor_of_sessions(sessions: sessionmaker[Session]) -> Actor | None:
    """The account the factory's sessions act as (the one logged in to the window)."""
    actor = (sessions.kw.get("info") or {}).get(ACTOR)
    return actor if isinstance(actor, Actor) else None
