"""The supervision page's checks, read together: the next rung for each overdue item, and the
signs of a meeting or an item going through the motions (走过场)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from desktop.core.escalation import EscalationSuggestion, escalation_suggestions
from desktop.core.formalism import FormalityFlag, formalism_checks
from desktop.core.scope import SupervisionScope, supervision_scope


class SupervisionChecks(NamedTuple):
    escalations: tuple[EscalationSuggestion, ...]
    flags: tuple[FormalityFlag, ...]
    scope: SupervisionScope | None = None  # what the escalations cover


def supervision_checks(session: Session, today: date) -> SupervisionChecks:
    """Both checks on the records as one transaction sees them."""
    return SupervisionChecks(
        escalation_suggestions(session, today),
        formalism_checks(session, today),
        supervision_scope(session),
    )
