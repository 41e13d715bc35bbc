"""The 考核 page follows changes: scored on its first look, then again in the background when in
sight, else when it next comes into sight."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.views import assessment_page
from desktop.views.assessment_page import AssessmentPage
from tests.conftest import County
from tests.core.assessment_records import TODAY, build


def test_a_change_rescores_the_page_in_sight_and_waits_for_one_out_of_sight(
    qtbot: Any, county: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(county)
    page = AssessmentPage(county.db, TODAY)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    calls: list[int] = []
    original = assessment_page.year_assessment

    def counting(session, year, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(year)
        return original(session, year, **kwargs)

    monkeypatch.setattr(assessment_page, "year_assessment", counting)
    page.reload()  # nothing scored yet: nothing to score again
    assert calls == []
    page.show()  # the first look scores the year, in the background
    qtbot.waitUntil(lambda: calls == [2025])
    page.wait()
    assert page.card is not None
    page.reload()  # in sight: scored again
    qtbot.waitUntil(lambda: len(calls) == 2)
    page.wait()
    page.hide()
    page.reload()  # out of sight: only when shown again
    qtbot.wait(20)
    assert len(calls) == 2
    page.show()
    qtbot.waitUntil(lambda: len(calls) == 3)
    page.wait()
