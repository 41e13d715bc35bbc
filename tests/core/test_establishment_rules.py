"""One establishment per union–partner pair, a union on the union side, its own level, a real
frequency: the cases reported on the demo county."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.models.enums import Level
from tests.conftest import County


def pair(c: County, union: int, level: Level = Level.TOWNSHIP, **kw) -> EstablishmentInput:  # type: ignore[no-untyped-def]
    return EstablishmentInput(
        union,
        "八滩镇人民政府",
        level,
        c.township_government,
        established=True,
        established_on=date(2012, 5, 1),
        **kw,
    )


def refused(c: County, data: EstablishmentInput) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        c.run(create_establishment, data)
    return caught.value


def test_the_same_pair_cannot_be_entered_twice(county: County) -> None:
    county.run(create_establishment, pair(county, county.township_union))
    error = refused(county, pair(county, county.township_union))
    assert (error.code, error.field) == ("duplicate_establishment", "partner_name")


def test_the_union_side_is_a_union_of_the_records_level(county: County) -> None:
    assert refused(county, pair(county, county.hrss, Level.COUNTY)).code == "not_a_union"
    error = refused(county, pair(county, county.township_union, Level.ENTERPRISE))
    assert (error.code, error.field) == ("level_mismatch", "level")


def test_zero_meetings_a_year_is_refused_not_defaulted(county: County) -> None:
    error = refused(county, pair(county, county.township_union, meetings_per_year=0))
    assert (error.code, error.field) == ("out_of_range", "meetings_per_year")
    made = county.run(create_establishment, pair(county, county.township_union))
    assert made.meetings_per_year == 2  # no number given: the township rule
