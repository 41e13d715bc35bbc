"""The permission matrix made complete: every table against every role, every function that
changes data placed, and no write that goes around the check.

desktop.core.permissions checks every write at flush (and every bulk statement) by the table it
writes, so a core function is allowed to a role exactly when each of its writes is. These tests
prove the three things that makes true for every function, not only the ones test_permissions
runs: (1) each table's verdict for each role is the one issue 16's role table gives, written out
here by hand; (2) no core module writes past the session's listeners; (3) each public core
function that writes is placed in a class whose roles follow from (1), so a new one fails here
until someone decides who may call it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.core import permissions
from desktop.core.issued import printable
from desktop.core.meetings import notify_meeting
from desktop.core.permissions import ACTOR, Actor, NotPermitted, refusal
from desktop.core.workdays import HolidayRow, import_holidays
from desktop.models import AuditEntry, IssuedDocument
from desktop.models.base import Base
from desktop.models.enums import Role
from tests.conftest import County
from tests.core.helpers import planned_meeting
from tests.core.test_permissions import MUTATIONS

CORE = Path(__file__).resolve().parents[2] / "desktop" / "core"
CLERK, REVIEWER, ADMIN, LEADER = Role.CLERK, Role.REVIEWER, Role.ADMIN, Role.LEADER
KEEPERS = frozenset({CLERK, REVIEWER, ADMIN})  # every role but 查阅
ISSUERS = frozenset({REVIEWER, ADMIN})
ADMIN_ONLY = frozenset({ADMIN})
EVERYONE = frozenset(Role)
NOBODY: frozenset[Role] = frozenset()

# Issue 16's role table, table by table: who may insert, change or delete its rows (a bulk
# statement, judged by table alone; row-level refinements are tested through the functions).
TABLE_MATRIX: dict[str, frozenset[Role]] = {
    **dict.fromkeys(
        (
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
            "exchange_peer",
            "exchange_received",
            "exchange_sent",
            "exchange_held",
            "exchange_conflict",
            "exchange_pending",
            "exchange_log",
            "exchange_base",
        ),
        KEEPERS,
    ),
    **dict.fromkeys(("supervision_notice", "notice_item", "bulletin", "bulletin_mention"), ISSUERS),
    # printing freezes version 1 for anyone; writing any other version is issuing
    "issued_document": ISSUERS,
    **dict.fromkeys(
        (
            "user_account",
            "setting",
            "calendar_day",
            "office",
            "assessment_scheme",
            "assessment_indicator",
            # a bulk write cannot show its rows are provisional: publishing is the admin's
            "assessment_result",
        ),
        ADMIN_ONLY,
    ),
    "doc_counter": EVERYONE,
    "audit_entry": NOBODY,
}


def test_every_table_has_a_row_in_the_matrix() -> None:
    """Fails when a table is added and nobody has said who may write it."""
    assert set(Base.metadata.tables) - set(TABLE_MATRIX) == set()


@pytest.mark.parametrize("operation", ["insert", "update", "delete"])
@pytest.mark.parametrize("table", sorted(TABLE_MATRIX))
def test_each_role_against_each_table(table: str, operation: str) -> None:
    allowed = TABLE_MATRIX[table]
    if table == "assessment_result" and operation == "delete":
        allowed = KEEPERS  # a clerk recomputes provisional scores, replacing the old ones
    verdicts = {role: refusal(role, table, operation) is None for role in Role}
    assert verdicts == {role: role in allowed for role in Role}


def test_a_table_placed_nowhere_is_the_admins() -> None:
    assert refusal(ADMIN, "new_table", "insert") is None
    assert {refusal(r, "new_table", "insert") for r in (CLERK, REVIEWER)} == {"change_settings"}


# ---- (2) nothing writes around the session's listeners


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(CORE.rglob("*.py")):
        yield str(path.relative_to(CORE.parent.parent)), ast.parse(path.read_text("utf-8"))


# Writes on the connection under the ORM: only the audit trail's own rows (see TRAIL_TABLES).
RAW_WRITERS = {"desktop/core/audit.py"}


def test_no_core_module_writes_past_the_check() -> None:
    """A write on `session.connection()`, a raw DB-API connection or SQL text (which the ORM
    cannot tell apart from a read) would skip the permission check: only the trail may."""
    found = set()
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                if any(m.split(".")[0] == "sqlite3" for m in modules):
                    found.add(name)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in {"connection", "raw_connection", "exec_driver_sql"}:
                    found.add(name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "text"
            ):
                found.add(name)
    assert found == RAW_WRITERS


# ---- (3) every function that writes, placed


def _writes(function: ast.FunctionDef, writers: set[str]) -> bool:
    """True when the body adds, merges or deletes through a session, runs a DML statement,
    assigns to an attribute of an object (an ORM edit), or calls a writer of its module."""
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            callee = node.func
            if isinstance(callee, ast.Attribute) and callee.attr in {
                "add",
                "add_all",
                "delete",
                "merge",
            }:
                return True
            if isinstance(callee, ast.Name) and callee.id in {"insert", "update", "delete"}:
                return True
            if isinstance(callee, ast.Name) and callee.id in writers:
                return True
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AugAssign | ast.AnnAssign)
            else []
        )
        for target in targets:
            for part in ast.walk(target):
                if (
                    isinstance(part, ast.Attribute)
                    and isinstance(part.ctx, ast.Store)
                    and not (isinstance(part.value, ast.Name) and part.value.id == "self")
                ):
                    return True
    return False


def mutating_functions() -> set[str]:
    """Public functions of desktop.core that write, directly or through their module's own
    helpers (a function calling another module's writer is placed by that writer)."""
    found: set[str] = set()
    for name, tree in _modules():
        module = name.removesuffix(".py").replace("/", ".")
        functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        writers: set[str] = set()
        grew = True
        while grew:
            grew = False
            for fname, function in functions.items():
                if fname not in writers and _writes(function, writers):
                    writers.add(fname)
                    grew = True
        found |= {f"{module}.{f}" for f in writers if not f.startswith("_")}
    return found


RECORDS, ISSUING, SETTINGS, PRINTING = "records", "issuing", "settings", "printing"
OWN, SETUP, PART, NO_DB = "own", "setup", "part", "no-db"
# Who may call each class of function, from TABLE_MATRIX: the tables a class writes.
CLASS_ROLES = {
    RECORDS: KEEPERS,
    ISSUING: ISSUERS,
    SETTINGS: ADMIN_ONLY,
    PRINTING: EVERYONE,
    # an account's own log-in bookkeeping, password and token: done as the program
    OWN: EVERYONE,
    # first start, before any account exists (refused once one does)
    SETUP: EVERYONE,
}
# A building block that writes only inside another function's action (its caller's class
# applies), or a function that writes no database at all (an attribute of a workbook).
NOT_ACTIONS = {PART, NO_DB}

MODULE_CLASS = {
    "desktop.core.items": RECORDS,
    "desktop.core.meetings": RECORDS,
    "desktop.core.topics": RECORDS,
    "desktop.core.suggestions": RECORDS,
    "desktop.core.units": RECORDS,
    "desktop.core.unit_merge": RECORDS,
    "desktop.core.establishments": RECORDS,
    "desktop.core.attachments": RECORDS,
    "desktop.core.undo": RECORDS,
    "desktop.core.supervision": ISSUING,
    "desktop.core.settings": SETTINGS,
    "desktop.core.assessment.scheme": SETTINGS,
    "desktop.core.assessment.store": SETTINGS,
    "desktop.core.accounts": SETTINGS,
    "desktop.core.issued": ISSUING,
    "desktop.core.records": PART,
    "desktop.core.timeline": PART,
    "desktop.core.spreadsheet": NO_DB,
}
FUNCTION_CLASS = {
    "desktop.core.items.verify_item": ISSUING,
    "desktop.core.voiding.void_document": ISSUING,
    "desktop.core.meetings.issue_minutes": ISSUING,
    "desktop.core.supervision.record_rectification_result": RECORDS,
    # a clerk drafts a bulletin and submits it; issuing or sending it back is a reviewer's
    "desktop.core.supervision.save_bulletin_draft": RECORDS,
    "desktop.core.supervision.submit_bulletin": RECORDS,
    "desktop.core.assessment.store.save_results": RECORDS,  # provisional scores
    "desktop.core.assessment.scheme.ensure_scheme": PART,  # stores the default once
    "desktop.core.accounts.create_first_admin": SETUP,
    "desktop.core.accounts.attempt_login": OWN,
    "desktop.core.accounts.change_own_password": OWN,
    "desktop.core.accounts.issue_token": OWN,
    "desktop.core.office.create_local_office": SETUP,
    "desktop.core.workdays.import_holidays": SETTINGS,
    "desktop.core.issued.printable": PRINTING,
    "desktop.core.issued.printable_of": PRINTING,
    "desktop.core.issued.record_pdf": PRINTING,
    "desktop.core.issued.freeze": PART,
    "desktop.core.issued.backfill": PART,  # at upgrade, as the program
    "desktop.core.issued.issue_record": PART,
    "desktop.core.numbering.next_number": PART,
    "desktop.core.audit.record_event": PART,
    "desktop.core.audit.reanchor": SETTINGS,  # the admin accepts a shortened chain
    "desktop.core.audit.record_restore": SETTINGS,  # a restore is the office admin's act
    "desktop.core.changes.note_changes": PART,  # the session's note of what changed
    "desktop.core.units.check_parent": NO_DB,
    "desktop.core.bulletin_stats.bulletin_statistics": NO_DB,
}


def _class_of(function: str) -> str | None:
    return FUNCTION_CLASS.get(function) or MODULE_CLASS.get(function.rsplit(".", 1)[0])


def test_every_function_that_writes_is_placed() -> None:
    """Fails when a new core function writes data and nobody has said who may call it."""
    unplaced = sorted(f for f in mutating_functions() if _class_of(f) is None)
    assert unplaced == []
    assert set(FUNCTION_CLASS) <= mutating_functions(), "a placed function no longer writes"


def test_the_functions_run_for_every_role_agree_with_their_class() -> None:
    """test_permissions runs these through the flush check for each role: their allowed roles
    must be their class's, so the class stands for what the check really does."""
    writers = mutating_functions()
    for mutation in MUTATIONS:
        name = {"disable_account": "set_active"}.get(mutation.name, mutation.name)
        [function] = [f for f in writers if f.endswith("." + name)]
        placed = _class_of(function)
        assert placed is not None and placed not in NOT_ACTIONS, function
        assert CLASS_ROLES[placed] == mutation.allowed, function


# ---- gaps this matrix found, run through the real check


@contextmanager
def _as(county: County, role: Role) -> Iterator[Session]:
    with county.db.unit_of_work() as session:
        session.info[ACTOR] = Actor(f"user_{role.value}", role)
        yield session


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_the_holiday_calendar_is_a_setting(county: County, role: Role) -> None:
    rows = (HolidayRow(date(2026, 10, 1), False, "国庆节"),)
    if role is ADMIN:
        with _as(county, role) as session:
            import_holidays(session, rows, "2026.csv")
        return
    with pytest.raises(NotPermitted) as refused, _as(county, role) as session:
        import_holidays(session, rows, "2026.csv")
    assert refused.value.act == ("change_records" if role is LEADER else "change_settings")


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_nobody_rewrites_the_trail_through_the_program(county: County, role: Role) -> None:
    with county.db.reading() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    assert before
    with pytest.raises(NotPermitted) as refused, _as(county, role) as session:
        session.execute(delete(AuditEntry))
    assert refused.value.act == "rewrite_audit_trail"
    with county.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_a_leader_prints_a_notified_meetings_notice_numbered_at_first_print(
    county: County,
) -> None:
    """The number is taken by a bulk UPDATE of doc_counter: printing, so a leader may."""
    meeting = planned_meeting(county)
    county.run(notify_meeting, meeting, issued_on=date(2026, 3, 25))
    with county.db.unit_of_work() as session:
        session.execute(delete(IssuedDocument))  # as if notified before copies were frozen
    with _as(county, LEADER) as session:
        printable(session, "notice", meeting)
    with county.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(IssuedDocument)) == 1


def test_the_matrix_names_the_acts_the_messages_word() -> None:
    from desktop.messages import ACT_LABELS

    acts = {refusal(r, t, "insert") for r in Role for t in TABLE_MATRIX} - {None}
    assert acts <= set(ACT_LABELS)
    assert {t for t, roles in TABLE_MATRIX.items() if not roles} == permissions.TRAIL_TABLES
