"""Windows that fit a small office screen (1366×768 with a taskbar, 1280×720 at 150 %).

Content taller than the screen scrolls instead of growing the window, and a window never opens
larger than the screen's available area, so its buttons stay on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# The smallest screen the program is made for, in logical pixels, less a taskbar.
SMALLEST_SCREEN = QSize(1280, 720)


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that fills it whenever there is room."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


def available_size(widget: QWidget | None = None) -> QSize:
    """The screen area (less the taskbar) the widget is on, or the primary screen's."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return SMALLEST_SCREEN
    return screen.availableGeometry().size()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to the wanted size, but never beyond the available screen area."""
    room = available_size(window)
    window.resize(min(width, room.width()), min(height, room.height()))
