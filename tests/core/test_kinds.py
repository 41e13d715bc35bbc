"""The record-kind registry: every per-kind table is built from it and agrees with it."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli import build_parser
from desktop.core.catalog import LISTINGS
from desktop.core.errors import InvalidInput
from desktop.core.kinds import KINDS, LISTED, PAGED, by_package_name, record_kind
from desktop.core.listing import SHOW, spec_for
from desktop.messages import kind_label
from desktop.sync.manifest import RECORD_KINDS
from desktop.sync.messages import KIND_LABELS as PACKAGE_KIND_LABELS


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


@pytest.mark.parametrize("key", LISTED)
def test_every_listed_kind_has_a_listing_and_a_whole_view(key: str) -> None:
    spec = spec_for(key)
    assert spec.kind == key and spec.model is KINDS[key].model
    assert "id" in spec.column_keys
    assert key in SHOW


def test_listings_follow_the_registry_order() -> None:
    assert tuple(LISTINGS) == LISTED
    assert set(PAGED) <= set(LISTED)


def test_a_kind_without_a_list_is_refused_with_a_code() -> None:
    with pytest.raises(InvalidInput) as refused:
        spec_for("holiday")
    assert refused.value.code == "unknown_kind"


@pytest.mark.parametrize("key", list(KINDS))
def test_every_kind_is_named_in_both_languages_by_key_and_by_package_name(key: str) -> None:
    kind = record_kind(key)
    assert kind_label(key, "zh") == kind.label and any(
        "\u4e00" <= c <= "\u9fff" for c in kind.label
    )
    assert kind_label(key, "en") == kind.english and kind.english.isascii() and kind.english
    assert kind_label(kind.package_name, "zh") == kind.label
    assert PACKAGE_KIND_LABELS[kind.package_name] == (kind.label, kind.english)


@pytest.mark.parametrize("key", list(KINDS))
def test_package_names_round_trip(key: str) -> None:
    assert by_package_name(record_kind(key).package_name).key == key


def test_packages_carry_every_kind_and_receipts() -> None:
    """The package layer keeps its own list (it imports no database); it must match."""
    assert set(RECORD_KINDS) == {k.package_name for k in KINDS.values()} | {"receipt"}


def test_the_cli_lists_and_edits_the_registry_kinds() -> None:
    commands = _commands(build_parser())
    listing = next(a for a in commands["list"]._actions if a.dest == "kind")
    assert sorted(listing.choices or ()) == sorted(LISTED)
    assert set(PAGED) <= set(commands)  # `lianxi item assign …` and the like
