"""What the main window asks of every page: what it shows, how to refresh it, whether to leave."""

from __future__ import annotations

from desktop.core.changes import ALL_KINDS


class Page:
    """A mixin for the window's pages (beside QWidget): plain defaults a page overrides."""

    # The kinds (and table groups, see desktop.core.kinds) whose change this page shows.
    shows: frozenset[str] = ALL_KINDS

    def reload(self) -> None:
        """Show the database as it is now."""

    def can_leave(self) -> bool:
        """False when the page holds unsaved work its user chose to keep (it asked)."""
        return True

    def nav_count(self) -> int | None:
        """The number the navigation shows beside the page's title, if any."""
        return None
