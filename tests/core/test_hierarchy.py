"""Lists filtered by a unit take the units below it too: a township and its enterprises."""

from __future__ import annotations

from datetime import date

from desktop.core.catalog import ListQuery
from desktop.core.items import ItemInput, assign_item, create_item
from desktop.core.listing import list_ids
from desktop.core.units import UnitInput, create_unit
from desktop.models.enums import Level, UnitKind
from tests.conftest import County
from tests.core.helpers import held_meeting


def test_a_townships_list_takes_in_its_enterprises_at_any_depth(county: County) -> None:
    c = county
    enterprise = c.run(
        create_unit,
        UnitInput(
            "滨海县永盛钢结构有限公司工会",
            UnitKind.ENTERPRISE_UNION,
            Level.ENTERPRISE,
            c.township_union,
        ),
    ).id
    workshop = c.run(
        create_unit,
        UnitInput("永盛钢结构一车间分会", UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE, enterprise),
    ).id
    meeting, topic = held_meeting(c)
    led = {}
    for name, lead in (
        ("镇", c.township_union),
        ("企", enterprise),
        ("车间", workshop),
        ("县", c.hrss),
    ):
        item = c.run(
            create_item,
            ItemInput(
                meeting,
                f"{name}的事项",
                topic_id=topic,
                lead_unit_id=lead,
                deadline=date(2026, 9, 30),
            ),
        ).id
        c.run(assign_item, item, date(2026, 4, 2))
        led[name] = item

    def items(**query: object) -> set[int]:
        return set(c.run(list_ids, "item", ListQuery(**query)))  # type: ignore[arg-type]

    assert items(unit_id=c.township_union) >= {led["镇"], led["企"], led["车间"]}
    assert led["县"] not in items(unit_id=c.township_union)
    assert items(unit_id=enterprise) == {led["企"], led["车间"]}
    assert items(unit_id=c.township_union, subtree=False) == {led["镇"]}
