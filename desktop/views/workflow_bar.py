"""The workflow buttons of a record's state machine: disabled when not allowed, saying why."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from desktop.core.states import MACHINES
from desktop.messages import message
from desktop.views.labels import action_text

# Steps per row: nine English labels on one row would be wider than a small screen.
PER_ROW = 5


class WorkflowBar(QWidget):
    triggered = Signal(str)

    def __init__(
        self, machine: str, actions: tuple[str, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.machine = MACHINES[machine]
        self.buttons: dict[str, QPushButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, action in enumerate(actions):
            button = QPushButton(action_text(action))
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.triggered.emit(a))
            self.buttons[action] = button
            layout.addWidget(button, index // PER_ROW, index % PER_ROW)
        layout.setColumnStretch(PER_ROW, 1)

    def update_state(self, state: StrEnum | None) -> None:
        """Enable what the state allows; a disabled button's tooltip gives the reason."""
        for action, button in self.buttons.items():
            allowed = state is not None and self.machine.can(action, state)
            button.setEnabled(allowed)
            if allowed:
                button.setToolTip("")
            elif state is None:
                button.setToolTip(self.tr("请先保存记录。"))
            else:
                button.setToolTip(
                    message("illegal_transition", {"state": str(state), "action": action})
                )
