"""Database health checks: quick_check, integrity_check and foreign_key_check."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.db.engine import Database


@dataclass(frozen=True)
class CheckReport:
    quick_check: tuple[str, ...]
    integrity_check: tuple[str, ...]
    foreign_key_violations: tuple[tuple[str, int, str], ...]  # (table, rowid, parent table)

    @property
    def ok(self) -> bool:
        return (
            self.quick_check == ("ok",)
            and self.integrity_check == ("ok",)
            and not self.foreign_key_violations
        )


def check_database(db: Database, *, quick_only: bool = False) -> CheckReport:
    """Run SQLite's checks; on other databases there is nothing to check at this level."""
    if not db.is_sqlite:
        return CheckReport(("ok",), ("ok",), ())
    with db.engine.connect() as connection:
        quick = tuple(str(r[0]) for r in connection.exec_driver_sql("PRAGMA quick_check"))
        if quick_only:
            return CheckReport(quick, ("ok",), ())
        integrity = tuple(str(r[0]) for r in connection.exec_driver_sql("PRAGMA integrity_check"))
        fk = tuple(
            (str(r[0]), int(r[1]) if r[1] is not None else -1, str(r[2]))
            for r in connection.exec_driver_sql("PRAGMA foreign_key_check")
        )
    return CheckReport(quick, integrity, fk)
