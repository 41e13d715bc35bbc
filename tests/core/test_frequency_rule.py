"""One frequency rule: the dashboard, the 走过场 check and the rates agree on who is behind,
a period in progress is never missed, and a pair owes meetings only from its establishment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import meetings
from desktop.core.assessment.rates import convening_rates
from desktop.core.dashboard import dashboard_counts
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.core.formalism import formalism_checks
from desktop.core.frequency import frequency_status
from desktop.core.periods import due_periods
from desktop.models.enums import Level, MeetingKind
from tests.conftest import County, make_county
from tests.core.helpers import vetted_topic
from tests.databases import copy_database, open_test_database


def establish(c: County, union: int, partner: int, name: str, level: Level, on: date) -> None:
    c.run(
        create_establishment,
        EstablishmentInput(union, name, level, partner, established=True, established_on=on),
    )


def meet(c: County, union: int, partner: int, name: str, level: Level, on: date) -> None:
    data = meetings.MeetingInput(
        MeetingKind.GOVERNMENT_UNION, level, union, name, partner_unit_id=partner, planned_on=on
    )
    meeting = c.run(meetings.create_meeting, data)
    c.run(meetings.schedule_topic, meeting.id, vetted_topic(c, f"议题{on}{partner}"))
    c.run(meetings.hold_meeting, meeting.id, on)


def test_a_period_in_progress_is_not_missed_and_owed_only_since_establishment(
    county: County,
) -> None:
    c = county
    # 新滩镇's pair was established on 2026-11-20: nothing owed for the first half of 2026.
    establish(
        c,
        c.township_union,
        c.township_government,
        "八滩镇人民政府",
        Level.TOWNSHIP,
        date(2026, 11, 20),
    )
    (standing,) = c.run(frequency_status, date(2026, 12, 5))
    assert standing.missed_periods == () and not standing.behind
    assert standing.due_soon(date(2026, 12, 5))  # H2 ends 12-31 with no meeting yet
    assert due_periods(2, date(2026, 11, 20), 2026, date(2026, 12, 31)) == []  # pro rata
    assert len(due_periods(2, date(2026, 9, 30), 2026, date(2026, 12, 31))) == 1


def test_a_meeting_counts_only_for_its_own_pair(county: County) -> None:
    c = county
    on = date(2012, 1, 1)
    establish(c, c.federation, c.government, "滨海县人民政府", Level.COUNTY, on)
    establish(c, c.federation, c.hrss, "县人社局", Level.COUNTY, on)
    meet(c, c.federation, c.hrss, "县人社局", Level.COUNTY, date(2025, 5, 1))
    standing = {s.partner_name: s for s in c.run(frequency_status, date(2026, 1, 10))}
    year_2025 = {s.partner_name: s for s in c.run(frequency_status, date(2025, 12, 31))}
    assert year_2025["县人社局"].missed_periods == ()
    assert year_2025["滨海县人民政府"].missed_periods == (1,)
    assert not standing["县人社局"].behind  # 2026's only period is still in progress


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[tuple[int, int, date]], list[tuple[int, date]]]:
    pairs = draw(
        st.lists(
            st.tuples(
                st.sampled_from([1, 2, 4]),
                st.integers(0, 3),
                st.dates(date(2025, 6, 1), date(2026, 11, 30)),
            ),
            min_size=1,
            max_size=4,
            unique_by=lambda p: p[1],
        )
    )
    held = draw(
        st.lists(
            st.tuples(st.integers(0, 3), st.dates(date(2026, 1, 1), date(2026, 12, 1))),
            max_size=6,
        )
    )
    return pairs, held


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, County]:
    """One migrated county database, copied for each example (migrating is the slow part)."""
    folder = tmp_path_factory.mktemp("template")
    county = make_county(folder)
    county.db.dispose()
    return folder / "lianxi.db", county


@given(histories(), st.dates(date(2026, 1, 15), date(2026, 12, 30)))
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_dashboard_formalism_and_rates_agree(
    tmp_path_factory: pytest.TempPathFactory,
    template: tuple[Path, County],
    history: tuple[list[tuple[int, int, date]], list[tuple[int, date]]],
    today: date,
) -> None:
    folder = tmp_path_factory.mktemp("freq")
    copy_database(template[0], folder / "lianxi.db")
    c = replace(template[1], db=open_test_database(folder / "lianxi.db"))
    partners = [
        (c.government, "滨海县人民政府"),
        (c.hrss, "县人社局"),
        (c.finance, "县财政局"),
        (c.township_government, "八滩镇人民政府"),
    ]
    pairs, held = history
    for per_year, p, on in pairs:
        partner, name = partners[p]
        c.run(
            create_establishment,
            EstablishmentInput(
                c.federation,
                name,
                Level.COUNTY,
                partner,
                established=True,
                established_on=on,
                meetings_per_year=per_year,
            ),
        )
    for p, on in held:
        if on <= today:
            meet(c, c.federation, *partners[p], Level.COUNTY, on)
    standing = c.run(frequency_status, today)
    behind = [s for s in standing if s.behind]
    assert c.run(dashboard_counts, today).units_behind_on_meetings == len(behind)
    flags = [f for f in c.run(formalism_checks, today) if f.check == "meeting_missing"]
    assert len(flags) == len(behind)
    year = [r for r in c.run(convening_rates, today.year, today) if r.period == "year"]
    missed = sum(r.required - r.convened for r in year)
    assert missed == sum(len(s.missed_periods) for s in standing)
    for s in standing:
        assert s.period_index not in s.missed_periods  # the period in progress is never missed
    c.db.dispose()


def test_the_meeting_record_refuses_what_did_not_happen(county: County) -> None:
    import pytest

    from desktop.core.errors import InvalidInput
    from desktop.core.meeting_dto import ParticipantInput
    from desktop.models.enums import AttendanceRole
    from tests.core.helpers import planned_meeting

    meeting = planned_meeting(county)
    absent = ParticipantInput("李副县长", AttendanceRole.ABSENT, unit_name="滨海县人民政府")
    with pytest.raises(InvalidInput) as refused:
        county.run(meetings.set_participants, meeting, [absent])
    assert refused.value.field == "participants[0].absence_reason"  # 请假 needs a reason
    present = ParticipantInput("王县长", AttendanceRole.ATTENDED, unit_name="滨海县人民政府")
    with pytest.raises(InvalidInput) as refused:
        county.run(meetings.set_participants, meeting, [present, present])
    assert refused.value.code == "duplicate_participant"
    county.run(meetings.schedule_topic, meeting, vetted_topic(county, "议题"))
    with pytest.raises(InvalidInput) as refused:
        county.run(meetings.hold_meeting, meeting, date(2027, 1, 1), today=date(2026, 12, 5))
    assert refused.value.code == "in_future"
