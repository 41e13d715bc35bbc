"""The sender's authority over everything a record touches, not only over the record itself.

Ownership (`origin_office`) says who writes a record. Authority says what that record may
create, change and attach to here: a township's meeting counts for a union of its own subtree,
its agreed items hang on its own meetings, its feedback reports on items its units are doing.
The rules are data (RULES); docs/package-format.md shows them as a table a test walks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.core.kinds import KINDS, by_package_name
from desktop.models import AgreedItem, Office, Unit
from desktop.models.item import item_cooperating_unit
from desktop.sync.records import KIND_OF_MODEL, Parsed, RecordChecker, checker, ref_key

# What a sender must hold over what a record points at.
OWN = "own"  # a record of the sender's own
SUBTREE = "subtree"  # a unit of the sender's subtree: the record counts for that unit (scores)
RESPONSIBLE = "responsible"  # an item of its own, or one its units lead or cooperate on
MENTION = "mention"  # a unit only named (who attended, who proposed): any unit

RULES: dict[str, dict[str, str]] = {
    "unit": {"parent_uuid": SUBTREE},
    "unit_merge": {"into_unit_uuid": MENTION},
    "topic": {
        "union_unit_uuid": SUBTREE,
        "proposing_unit_uuid": MENTION,
        "merged_into_uuid": OWN,
        "consultations.department_unit_uuid": MENTION,
    },
    "suggestion": {
        "receiving_unit_uuid": SUBTREE,
        "forwarded_to_unit_uuid": MENTION,
        "topic_uuid": OWN,
    },
    "establishment": {"union_unit_uuid": SUBTREE, "partner_unit_uuid": MENTION},
    "meeting": {
        "union_unit_uuid": SUBTREE,
        "partner_unit_uuid": MENTION,
        "reconvene_of_uuid": OWN,
        "participants.unit_uuid": MENTION,
        "agenda.topic_uuid": OWN,
    },
    "agreed_item": {
        "meeting_uuid": OWN,
        "topic_uuid": OWN,
        "lead_unit_uuid": MENTION,
        "cooperating_unit_uuids": MENTION,
    },
    "feedback": {"item_uuid": RESPONSIBLE, "reporting_unit_uuid": MENTION},
    "item_event": {"item_uuid": RESPONSIBLE},
    "supervision_notice": {"target_unit_uuid": SUBTREE, "item_uuids": OWN},
    "bulletin": {"mentions.unit_uuid": SUBTREE},
    "assessment_scheme": {},
    "assessment_result": {"scheme_uuid": OWN, "unit_uuid": SUBTREE},
    "attachment": {"owner_uuid": OWN},
}
# What the lead or a cooperating unit does to an item it does not own (its timeline entries);
# assigning, verifying, sending back, deciding extensions and cancelling are the owner's.
RESPONSIBLE_ACTIONS = frozenset({"report_progress", "request_extension", "complete"})

_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class Refusal:
    """Why one record exceeds its sender's authority: a code and fields for the message."""

    code: str
    fields: dict[str, Any] = field(default_factory=dict)


Verdict = Callable[[str, type[Any], str], "Refusal | None"]


@dataclass
class _Item:
    owner: str
    lead: str | None
    cooperating: set[str]


class Authority:
    """Decides, kind by kind in apply order, which of a package's records the sender may write.

    A sender's subtree is the units it owns and every unit below them. The parent office may
    make its records count for any unit (its bulletins name townships' enterprises); what it
    attaches to must still be its own.
    """

    def __init__(self, session: Session, *, sender: str, me: str, from_parent: bool) -> None:
        self._session = session
        self.sender, self.me, self.from_parent = sender, me, from_parent
        self.refused: set[str] = set()
        self._owners: dict[type[Any], dict[str, str]] = {}
        self._arriving: dict[type[Any], dict[str, str]] = {}
        self._parents: dict[str, str | None] = {}
        self._subtree: dict[str, bool] = {}
        self._items: dict[str, _Item] = {}
        # The sender's entry in our directory (a township's 八滩镇工会 the county entered):
        # it counts as the sender's own, and so does everything below it.
        # Our own entry: a subordinate files its own entry under it (八滩镇工会 under 滨海县总工会).
        self.home = session.scalar(
            select(Unit.uuid)
            .join(Office, Office.unit_id == Unit.id)
            .where(Office.is_local.is_(True))
        )
        self.identity = set(
            session.scalars(
                select(Unit.uuid)
                .join(Office, Office.unit_id == Unit.id)
                .where(Office.uuid == sender, Office.is_local.is_(False))
            )
        )

    # -- what is here ------------------------------------------------------------------------

    def _db_owners(self, model: type[Any]) -> dict[str, str]:
        if model not in self._owners:
            if model is Unit:
                parent = aliased(Unit)
                rows = self._session.execute(
                    select(Unit.uuid, Unit.origin_office, parent.uuid).outerjoin(
                        parent, Unit.parent_id == parent.id
                    )
                ).all()
                self._parents = {uuid: up for uuid, _, up in rows}
            else:
                rows = self._session.execute(select(model.uuid, model.origin_office)).all()
            self._owners[model] = {row[0]: row[1] for row in rows}
        return self._owners[model]

    def owner(self, model: type[Any], uuid: str) -> str | None:
        """Who owns a record here, or (arriving in this package) who it says owns it. What is
        here wins: a claim to another office's record is a conflict, not a change of owner."""
        here = self._db_owners(model).get(uuid)
        return here if here is not None else self._arriving.get(model, {}).get(uuid)

    def unit_parent(self, uuid: str) -> str | None:
        """The parent a unit held here has (None for a top unit or one not held here)."""
        self._db_owners(Unit)
        return self._parents.get(uuid)

    def in_subtree(self, uuid: str) -> bool:
        """Whether a unit is the sender's or below one of the sender's units."""
        if uuid not in self._subtree:
            seen: set[str] = set()
            current: str | None = uuid
            found = False
            while current is not None and current not in seen:
                if self.owner(Unit, current) == self.sender or current in self.identity:
                    found = True
                    break
                if current in self._subtree:
                    found = self._subtree[current]
                    break
                seen.add(current)
                current = self._parents.get(current)
            for unit in seen:
                self._subtree[unit] = found
            self._subtree[uuid] = found
        return self._subtree[uuid]

    def item(self, uuid: str) -> _Item | None:
        """Owner, lead and cooperating units of an item held here (None if not held)."""
        if uuid not in self._items:
            lead = aliased(Unit)
            row = self._session.execute(
                select(AgreedItem.id, AgreedItem.origin_office, lead.uuid)
                .outerjoin(lead, AgreedItem.lead_unit_id == lead.id)
                .where(AgreedItem.uuid == uuid)
            ).first()
            if row is None:
                return None
            cooperating = self._session.scalars(
                select(Unit.uuid)
                .join(item_cooperating_unit, item_cooperating_unit.c.unit_id == Unit.id)
                .where(item_cooperating_unit.c.item_id == row[0])
            ).all()
            self._items[uuid] = _Item(row[1], row[2], set(cooperating))
        return self._items[uuid]

    # -- deciding ----------------------------------------------------------------------------

    def screen(
        self, kind: str, records: list[Parsed]
    ) -> tuple[list[Parsed], list[tuple[Parsed, Refusal]]]:
        """The records the sender may write, and the others with the reason for each."""
        rules = RULES.get(kind, {})
        check = checker(kind)
        accepted: list[Parsed] = []
        refused: list[tuple[Parsed, Refusal]] = []
        quick = not check.children and not check.spec.links and kind not in _SPECIAL
        verdicts: dict[tuple[str, str], Refusal | None] = {}

        def verdict(key: str, target: type[Any], uuid: str) -> Refusal | None:
            memo = (key, uuid)
            if memo not in verdicts:
                verdicts[memo] = self._verdict(rules.get(key, MENTION), key, target, uuid)
            return verdicts[memo]

        if quick and self._all_pass(check, records, verdict):
            accepted = records
        else:
            for record in records:
                refusal = self._first_refusal(kind, record, verdict)
                if refusal is None:
                    accepted.append(record)
                else:
                    refused.append((record, refusal))
        model = check.spec.model
        arriving = self._arriving.setdefault(model, {})
        for record in accepted:
            arriving.setdefault(record.uuid, record.origin_office)
        self.refused.update(record.uuid for record, _ in refused)
        return accepted, refused

    def _all_pass(self, check: RecordChecker, records: list[Parsed], verdict: Verdict) -> bool:
        for position, column, target in check.shape.refs:
            key = ref_key(column)
            values = {record.row[position] for record in records}
            values.discard(None)
            if any(verdict(key, target, uuid) is not None for uuid in values):
                return False
        return True

    def _first_refusal(self, kind: str, record: Parsed, verdict: Verdict) -> Refusal | None:
        for key, target, uuid in checker(kind).references(record):
            refusal = verdict(_INDEX.sub("", key), target, uuid)
            if refusal is not None:
                return refusal
        special = _SPECIAL.get(kind)
        return None if special is None else special(self, record)

    def _verdict(self, rule: str, key: str, target: type[Any], uuid: str) -> Refusal | None:
        target_kind = KIND_OF_MODEL.get(target, "")
        if uuid in self.refused:
            return Refusal("depends_on_refused", {"field": key, "target_kind": target_kind})
        owner = self.owner(target, uuid)
        if owner is None or rule in (MENTION, RESPONSIBLE):
            return None  # an unknown reference refuses the whole package later
        under_us = key == "parent_uuid" and uuid == self.home  # its entry filed under ours
        if rule == SUBTREE and not self.from_parent and not under_us and not self.in_subtree(uuid):
            return Refusal("outside_subtree", {"field": key, "target_kind": target_kind})
        if rule == OWN and owner != self.sender:
            return Refusal("not_own_record", {"field": key, "target_kind": target_kind})
        return None

    def responsible(self, item_uuid: str, units: Iterable[str | None]) -> bool:
        """Whether the item is the sender's own, or one of `units` is in the sender's subtree
        and the item's lead or cooperating unit."""
        if self.owner(AgreedItem, item_uuid) == self.sender:
            return True
        item = self.item(item_uuid)
        if item is None:
            return True  # arriving from another sender, or unknown: refused elsewhere
        doing = {item.lead, *item.cooperating} - {None}
        return any(u in doing and self.in_subtree(u) for u in units if u is not None)


def _feedback(authority: Authority, record: Parsed) -> Refusal | None:
    item_uuid = record.record["item_uuid"]
    item = authority.item(item_uuid)
    reporter = record.record.get("reporting_unit_uuid") or (item.lead if item else None)
    if authority.responsible(item_uuid, [reporter]):
        return None
    return Refusal("not_responsible", {"field": "item_uuid", "target_kind": "agreed_item"})


def _item_event(authority: Authority, record: Parsed) -> Refusal | None:
    item_uuid = record.record["item_uuid"]
    if authority.owner(AgreedItem, item_uuid) == authority.sender:
        return None
    item = authority.item(item_uuid)
    units = [] if item is None else [item.lead, *item.cooperating]
    if not authority.responsible(item_uuid, units):
        return Refusal("not_responsible", {"field": "item_uuid", "target_kind": "agreed_item"})
    action = record.record.get("action", "")
    if action not in RESPONSIBLE_ACTIONS:
        return Refusal("action_not_allowed", {"action": action, "target_kind": "agreed_item"})
    return None


def _attachment(authority: Authority, record: Parsed) -> Refusal | None:
    owner_kind = str(record.record.get("owner_kind", ""))
    model = _model_of(owner_kind)
    if model is None:
        return Refusal("not_own_record", {"field": "owner_uuid", "target_kind": owner_kind})
    owner = authority.owner(model, str(record.record.get("owner_uuid")))
    if owner != authority.sender:
        target_kind = KIND_OF_MODEL.get(model, owner_kind)
        return Refusal("not_own_record", {"field": "owner_uuid", "target_kind": target_kind})
    return None


def _unit_merge(authority: Authority, record: Parsed) -> Refusal | None:
    """The parent merges any two units of its directory; others merge only units of their own."""
    merged = str(record.record.get("merged_unit_uuid"))
    owner = authority.owner(Unit, merged)
    if authority.from_parent or owner in (None, authority.sender):
        return None
    return Refusal("not_own_record", {"field": "merged_unit_uuid", "target_kind": "unit"})


def _model_of(kind: str) -> type[Any] | None:
    """The model an attachment hangs on: its owner_kind is a kind key (`item`) or package name."""
    if kind in KINDS:
        return KINDS[kind].model
    try:
        return by_package_name(kind).model
    except KeyError:
        return None


_SPECIAL: dict[str, Callable[[Authority, Parsed], Refusal | None]] = {
    "feedback": _feedback,
    "item_event": _item_event,
    "attachment": _attachment,
    "unit_merge": _unit_merge,
}
