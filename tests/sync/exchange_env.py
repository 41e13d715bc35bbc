"""A township and a county database that trust each other, built once and copied per test."""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.office import create_local_office
from desktop.db import Database
from desktop.db.migrate import upgrade
from desktop.demo import build_demo
from desktop.models.enums import Level
from desktop.sync import (
    BuiltPackage,
    LocalOffice,
    PublicOffice,
    export_setup_file,
    import_setup_file,
    write_package,
)
from desktop.sync.exchange import preview_files
from desktop.sync.exporter import build_export
from desktop.sync.importer import ImportResult, import_package, open_package
from desktop.sync.records import KINDS, SCHEMA_VERSION
from desktop.sync.trust import local_keys, trust_office
from tests.conftest import logical_dump
from tests.databases import copy_database, open_test_database

TODAY = date(2027, 3, 18)
Records = dict[str, list[dict[str, Any]]]


def open_db(path: Path) -> Database:
    db = open_test_database(path)
    upgrade(db, backup=False)
    return db


def trust_each_other(first: Database, second: Database) -> tuple[LocalOffice, LocalOffice]:
    """Each office trusts the other's setup file, its fingerprint checked as if read aloud."""
    with first.unit_of_work() as s:
        one = local_keys(s)
    with second.unit_of_work() as s:
        two = local_keys(s)
        trust_office(
            s, import_setup_file(export_setup_file(one), expected_fingerprint=one.keys.fingerprint)
        )
    with first.unit_of_work() as s:
        trust_office(
            s, import_setup_file(export_setup_file(two), expected_fingerprint=two.keys.fingerprint)
        )
    return one, two


def build_pair(folder: Path, *, scale: str = "township") -> tuple[Path, Path]:
    """t.db (a demo township) and c.db (an empty county), each trusting the other."""
    folder.mkdir(parents=True, exist_ok=True)
    township, county = open_db(folder / "t.db"), open_db(folder / "c.db")
    with township.unit_of_work() as s:
        build_demo(s, scale=scale, seed=3, years=1, today=TODAY)
    with county.unit_of_work() as s:
        create_local_office(s, name="滨海县总工会", level=Level.COUNTY)
    trust_each_other(township, county)
    township.dispose()
    county.dispose()
    return folder / "t.db", folder / "c.db"


def copy_db(source: Path, target: Path) -> Path:
    """A closed database (a SQLite file with its WAL already checkpointed, or a PostgreSQL
    database under LIANXI_TEST_DB=postgres) under another name."""
    return copy_database(source, target)


@dataclass
class Env:
    """Both databases of one test, with the keys needed to sign packages by hand."""

    township: Database
    county: Database
    t_keys: LocalOffice
    c_keys: LocalOffice

    def export_up(self) -> BuiltPackage | None:
        with self.township.unit_of_work() as s:
            built = build_export(s, self.c_keys.uuid)
            return None if built is None else built.package

    def export_down(self) -> BuiltPackage | None:
        with self.county.unit_of_work() as s:
            built = build_export(s, self.t_keys.uuid)
            return None if built is None else built.package

    def import_to_county(self, data: bytes, *, preview: bool = False) -> ImportResult:
        if preview:
            return preview_import(self.county, data)
        with self.county.unit_of_work() as s:
            return import_package(s, data, file_name="p.lxpkg")

    def records_of(self, data: bytes) -> Records:
        """The records of a package addressed to the county, as plain mutable dicts."""
        with self.county.unit_of_work() as s:
            opened = open_package(s, data)
        return {kind: [copy.deepcopy(r) for r in rs] for kind, rs in opened.records.items()}

    def sign(
        self,
        records: Mapping[str, list[dict[str, Any]]],
        *,
        sequence: int = 1,
        previous: str | None = None,
        origin: LocalOffice | None = None,
        recipient: PublicOffice | None = None,
        **more: Any,
    ) -> BuiltPackage:
        """A package from the township to the county carrying exactly these records."""
        return write_package(
            origin=origin or self.t_keys,
            recipient=recipient or self.c_keys.public(),
            records=records,
            sequence=sequence,
            previous_manifest_sha256=previous if sequence > 1 else None,
            schema_version=more.pop("schema_version", SCHEMA_VERSION),
            kinds=KINDS,
            **more,
        )

    def county_dump(self) -> dict[str, list[tuple[Any, ...]]]:
        return logical_dump(self.county)

    def dispose(self) -> None:
        self.township.dispose()
        self.county.dispose()


def preview_import(db: Database, data: bytes) -> ImportResult:
    """What importing one package would do, as `lianxi package import --dry-run` and the
    import tab's preview find it (exchange.preview_files: everything rolled back)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.lxpkg"
        path.write_bytes(data)
        return preview_files(db, [path])[0]


def make_env(base: tuple[Path, Path], folder: Path) -> Env:
    township = open_db(copy_db(base[0], folder / "t.db"))
    county = open_db(copy_db(base[1], folder / "c.db"))
    with township.unit_of_work() as s:
        t_keys = local_keys(s)
    with county.unit_of_work() as s:
        c_keys = local_keys(s)
    return Env(township, county, t_keys, c_keys)


def changed_tables(
    before: Mapping[str, list[tuple[Any, ...]]], after: Mapping[str, list[tuple[Any, ...]]]
) -> set[str]:
    return {t for t in before.keys() | after.keys() if before.get(t) != after.get(t)}


Mutation = Callable[[Records], None]
