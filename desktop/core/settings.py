"""Business settings kept in the database (so the CLI sees them), with typed defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.models import Setting


@dataclass(frozen=True)
class SupervisionSettings:
    yellow_within_workdays: int = 5  # N: yellow when the deadline is this close
    no_feedback_days: int = 30  # M: yellow after this long without feedback
    lag_tolerance_percent: int = 10  # yellow when progress trails elapsed time by more
    criticism_after_workdays: int = 20  # proposed for criticism when this late
    # The escalation ladder: how long each rung waits for the item to be done before the next
    # rung is proposed (working days after the document's issue date). A rectification order
    # waits until its own deadline; these days apply only to one issued without a deadline.
    reminder_reply_workdays: int = 5  # 催办 → 督办通知
    supervision_reply_workdays: int = 10  # 督办通知 → 整改通知
    rectification_reply_workdays: int = 15  # 整改通知 → 通报批评
    # Supervision bulletins (督查通报): how many units one issue proposes at most, the best and
    # the worst first. A county issues about four a year; Binhai named 27 and 8 in its year.
    commendations_per_issue: int = 7  # 通报表扬 proposed per issue
    criticisms_per_issue: int = 2  # 通报批评 proposed per issue


def supervision_settings(session: Session) -> SupervisionSettings:
    values = {}
    for f in fields(SupervisionSettings):
        row = session.get(Setting, f"supervision.{f.name}")
        if row is not None and row.value.isdigit():
            values[f.name] = int(row.value)
    return SupervisionSettings(**values)


def save_supervision_settings(session: Session, settings: SupervisionSettings) -> None:
    for f in fields(SupervisionSettings):
        value = getattr(settings, f.name)
        if not 0 <= value <= 365:
            raise InvalidInput("out_of_range", field=f.name, min=0, max=365)
        session.merge(Setting(key=f"supervision.{f.name}", value=str(value)))
    session.flush()


# A folder of font files an office keeps its official faces in (方正小标宋, 仿宋_GB2312 …),
# searched before the system's fonts when documents are printed.
FONT_FOLDER_KEY = "reports.font_folder"


def font_folder(session: Session) -> str:
    """The folder chosen in the settings, or "" for none."""
    row = session.get(Setting, FONT_FOLDER_KEY)
    return row.value if row is not None else ""


def save_font_folder(session: Session, folder: str) -> None:
    session.merge(Setting(key=FONT_FOLDER_KEY, value=folder.strip()))
    session.flush()
