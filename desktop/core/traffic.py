"""The traffic light of an agreed item: green on track, yellow at risk, red overdue, grey closed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.settings import SupervisionSettings, supervision_settings
from desktop.core.workdays import WorkCalendar, load_calendar
from desktop.models.enums import ItemStatus


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"


@dataclass(frozen=True)
class ItemFacts:
    """What the light is computed from; lists and the dashboard give these without ORM objects."""

    status: ItemStatus
    deadline: date | None
    assigned_on: date | None
    last_feedback_on: date | None
    percent_done: int


@dataclass(frozen=True)
class LightVerdict:
    light: Light
    reason: str  # a message code (desktop.messages), worded by the window and the CLI
    fields: dict[str, Any]
    estimated: bool = False  # a working-day count used the weekend rule (year not in the calendar)


CLOSED = {ItemStatus.COMPLETED, ItemStatus.VERIFIED, ItemStatus.CANCELLED}


def item_light(
    facts: ItemFacts, today: date, calendar: WorkCalendar, settings: SupervisionSettings
) -> LightVerdict:
    if facts.status in CLOSED:
        return LightVerdict(Light.GREY, f"light_grey_{facts.status}", {})
    if facts.status == ItemStatus.DRAFTED or facts.deadline is None:
        return LightVerdict(Light.GREY, "light_grey_drafted", {})
    estimated = not (calendar.covers(facts.deadline) and calendar.covers(today))
    if facts.deadline < today:
        late = calendar.workdays_between(facts.deadline, today)
        return LightVerdict(Light.RED, "light_red_overdue", {"days": late}, estimated)
    left = calendar.workdays_between(today, facts.deadline)
    if left <= settings.yellow_within_workdays:
        return LightVerdict(Light.YELLOW, "light_yellow_due_soon", {"days": left}, estimated)
    last_word = facts.last_feedback_on or facts.assigned_on
    if last_word is not None and (today - last_word).days > settings.no_feedback_days:
        return LightVerdict(
            Light.YELLOW, "light_yellow_no_feedback", {"days": (today - last_word).days}
        )
    if facts.assigned_on is not None and facts.deadline > facts.assigned_on:
        span = (facts.deadline - facts.assigned_on).days
        elapsed = round(100 * max(0, (today - facts.assigned_on).days) / span)
        if facts.percent_done + settings.lag_tolerance_percent < elapsed:
            return LightVerdict(
                Light.YELLOW,
                "light_yellow_lagging",
                {"percent": facts.percent_done, "elapsed": elapsed},
            )
    return LightVerdict(Light.GREEN, "light_green", {"days": left}, estimated)


def lights(
    facts: Iterable[ItemFacts], today: date, calendar: WorkCalendar, settings: SupervisionSettings
) -> list[LightVerdict]:
    return [item_light(f, today, calendar, settings) for f in facts]


def light_of(session: Session, facts: ItemFacts, today: date) -> LightVerdict:
    """One item's light with this office's calendar and settings."""
    return item_light(facts, today, load_calendar(session), supervision_settings(session))
