"""Imported records pass the rules the editors enforce, through the editors' own validators.

The record checks (records.py) make sure a record is well formed; these make sure it makes
sense the way a record typed into the window must: a percentage within 0–100, a deadline not
before its meeting, a directory that stays a tree, a status the state machine can reach.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.items import (
    check_completed_on,
    check_deadline,
    check_percent_done,
    check_verified_on,
)
from desktop.core.kinds import by_package_name
from desktop.core.states import MACHINES
from desktop.core.units import check_parent
from desktop.models import Meeting
from desktop.sync.authority import Authority, Refusal
from desktop.sync.records import Parsed


class DomainRules:
    """The editors' rules for one package's records; meetings' dates are looked up once."""

    def __init__(self, session: Session, authority: Authority) -> None:
        self._session = session
        self._authority = authority
        self._held_on: dict[str, date | None] = {}
        self._unit_parents: dict[str, str | None] = {}

    def screen(
        self, kind: str, records: list[Parsed]
    ) -> tuple[list[Parsed], list[tuple[Parsed, Refusal]]]:
        """The records that keep the editors' rules, and the others with the rule each breaks."""
        rule = _RULES.get(kind)
        if kind == "meeting":
            self._held_on.update((r.uuid, _day(r.record.get("held_on"))) for r in records)
        if kind == "unit":
            self._unit_parents = {r.uuid: r.record.get("parent_uuid") for r in records}
        if rule is None:
            return records, []
        kept, broken = [], []
        for record in records:
            try:
                rule(self, record.record)
            except DomainError as exc:
                broken.append((record, refusal(exc)))
            else:
                kept.append(record)
        return kept, broken

    def _unit(self, record: dict[str, Any]) -> None:
        def parent_of(uuid: str) -> str | None:
            if uuid in self._unit_parents:
                return self._unit_parents[uuid]
            return self._authority.unit_parent(uuid)

        check_parent(record["uuid"], record.get("parent_uuid"), parent_of)

    def _item(self, record: dict[str, Any]) -> None:
        check_percent_done(record["percent_done"])
        held_on = self._meeting_held_on(record["meeting_uuid"])
        check_deadline(held_on, _day(record["deadline"]))
        check_completed_on(held_on, _day(record["completed_on"]))
        check_verified_on(_day(record["completed_on"]), _day(record["verified_on"]))

    def _feedback(self, record: dict[str, Any]) -> None:
        check_percent_done(record["percent_done"])

    def _meeting_held_on(self, uuid: str) -> date | None:
        if uuid not in self._held_on:
            self._held_on[uuid] = self._session.scalar(
                select(Meeting.held_on).where(Meeting.uuid == uuid)
            )
        return self._held_on[uuid]


def check_change(kind: str, mine: dict[str, Any], theirs: dict[str, Any]) -> Refusal | None:
    """A new version of a record held here: its status must be one the owner could have reached
    from ours through the state machine's actions."""
    machine_name = _machine(kind)
    if machine_name is None:
        return None
    try:
        MACHINES[machine_name].check_reachable(str(mine["status"]), str(theirs["status"]))
    except DomainError as exc:
        return refusal(exc)
    return None


def refusal(exc: DomainError) -> Refusal:
    """A broken editor rule as a record's refusal, worded by the editor's own sentence."""
    return Refusal("invalid_value", {"rule": exc.code, "rule_fields": dict(exc.fields)})


def _machine(kind: str) -> str | None:
    try:
        return by_package_name(kind).state_machine
    except KeyError:
        return None


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


_RULES: dict[str, Callable[[DomainRules, dict[str, Any]], None]] = {
    "unit": DomainRules._unit,
    "agreed_item": DomainRules._item,
    "feedback": DomainRules._feedback,
}
