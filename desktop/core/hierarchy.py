"""The unit directory as a tree: a unit and everything below it (a township and its enterprises,
a county and its townships), as SQL that runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import Select, select

from desktop.models import Unit


def subtree(unit_id: int) -> Select[tuple[int]]:
    """The ids of the unit and of every unit below it, at any depth (a recursive CTE)."""
    tree = select(Unit.id).where(Unit.id == unit_id).cte("subtree", recursive=True)
    tree = tree.union_all(select(Unit.id).where(Unit.parent_id == tree.c.id))
    return select(tree.c.id)
