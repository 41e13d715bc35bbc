"""A city office: rates rolled up by county and by township, and its county federations scored
with all the records below them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.core.assessment import compute_scorecard
from desktop.core.assessment.areas import area_rates, default_area_level
from desktop.core.office import create_local_office
from desktop.db.migrate import upgrade
from desktop.models.enums import Level, UnitKind
from tests.conftest import County
from tests.core.assessment_records import _pair, _unit, held
from tests.databases import open_test_database

TODAY = date(2026, 3, 1)  # judging 2025


def test_a_city_sees_each_county_and_township_and_scores_its_counties(tmp_path: Path) -> None:
    db = open_test_database(tmp_path / "city.db")
    upgrade(db)
    with db.unit_of_work() as s:
        city = create_local_office(s, name="盐城市总工会", level=Level.CITY).unit_id
    c = County(db, city, 0, 0, 0, 0, 0)  # only .run is used
    counties = {}
    for name in ("滨海县总工会", "阜宁县总工会"):
        county = _unit(c, name, UnitKind.FEDERATION, Level.COUNTY, city)
        town = _unit(c, name[:3] + "八滩镇工会", UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP, county)
        gov = _unit(c, name[:3] + "八滩镇人民政府", UnitKind.GOVERNMENT, Level.TOWNSHIP, None)
        _pair(c, town, gov, "镇政府", Level.TOWNSHIP, date(2020, 1, 1))
        counties[name] = (county, town, gov)
    # 滨海's town met in both halves of 2025; 阜宁's only in the first.
    binhai, funing = counties["滨海县总工会"], counties["阜宁县总工会"]
    for on in (date(2025, 4, 1), date(2025, 10, 9)):
        held(c, binhai[1], binhai[2], Level.TOWNSHIP, on)
    held(c, funing[1], funing[2], Level.TOWNSHIP, date(2025, 4, 1))

    assert default_area_level(Level.CITY) == Level.COUNTY
    with db.reading() as s:
        by_county = {r.name: r for r in area_rates(s, 2025, Level.COUNTY, today=TODAY)}
        by_town = area_rates(s, 2025, Level.TOWNSHIP, today=TODAY)
        card = compute_scorecard(s, 2025, today=TODAY)
    assert (by_county["滨海县总工会"].required, by_county["滨海县总工会"].convened) == (2, 2)
    assert (by_county["阜宁县总工会"].convened, by_county["阜宁县总工会"].convening_rate) == (
        1,
        50.0,
    )
    assert [r.name for r in by_town] == ["阜宁县八滩镇工会", "滨海县八滩镇工会"]  # worst first
    # The city assesses its county federations, each with the records of its whole subtree.
    scored = {u.unit_name: u for u in card.units}
    assert set(scored) == {"滨海县总工会", "阜宁县总工会"}
    frequency = {
        name: next(i.points for i in u.indicators if i.code == "meeting_frequency")
        for name, u in scored.items()
    }
    assert frequency["滨海县总工会"] > frequency["阜宁县总工会"]
    db.dispose()
