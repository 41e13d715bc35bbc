"""`lianxi establishment add / update / close`: one record per pair, partial updates validated as
the window validates them, --per-year 0 refused rather than read as the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def lx(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


ADD = (
    "establishment", "add", "--union", "八滩镇工会", "--partner", "八滩镇人民政府",
    "--level", "township", "--reason", "尚在协商", "--deadline", "2026-06-30",
)  # fmt: skip


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "c.db"
    for step in (
        ("init", "--name", "滨海县总工会", "--level", "county", "--prefix", "滨工联"),
        ("unit", "add", "--name", "八滩镇人民政府", "--kind", "government", "--level", "township"),
        ("unit", "add", "--name", "八滩镇工会", "--kind", "township_union",
         "--level", "township", "--parent", "滨海县总工会"),
        ADD,
    ):  # fmt: skip
        code, _, err = lx(capsys, db, *step)
        assert code == 0, (step, err)
    return db


def show(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, object]:
    # `update` with nothing to change prints the record as it is.
    code, out, err = lx(capsys, db, "establishment", "update", "1", "--json")
    assert code == 0, err
    return dict(json.loads(out))


def test_add_links_the_partner_unit_and_refuses_the_same_pair_again(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = show(capsys, office)
    assert record["partner_unit_id"] == 2 and record["partner_name"] == "八滩镇人民政府"
    code, out, err = lx(capsys, office, *ADD)
    assert code != 0 and out == ""
    assert "八滩镇工会与八滩镇人民政府已经有一条建制记录（编号 1）" in err


def test_update_changes_only_what_is_given(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = lx(
        capsys, office, "establishment", "update", "1",
        "--established-on", "2026-05-01", "--number", "滩政发〔2026〕8号", "--per-year", "3",
    )  # fmt: skip
    assert code == 0, err
    assert "已修改建制情况（编号 1）" in out
    record = show(capsys, office)
    assert record["established"] is True and record["established_on"] == "2026-05-01"
    assert record["document_number"] == "滩政发〔2026〕8号"
    assert record["meetings_per_year"] == 3
    # Established: the deadline and the reason are no longer the record's.
    assert record["establish_deadline"] is None and record["reason_not_established"] == ""
    code, _, err = lx(capsys, office, "establishment", "update", "1", "--not-established")
    assert code != 0 and "「未建制原因」不能为空" in err
    code, _, err = lx(
        capsys, office, "establishment", "update", "1", "--not-established", "--reason", "撤并"
    )
    assert code == 0, err
    assert show(capsys, office)["established"] is False


@pytest.mark.parametrize("per_year", ["0", "53", "-1"])
def test_per_year_out_of_range_is_refused_not_defaulted(
    office: Path, capsys: pytest.CaptureFixture[str], per_year: str
) -> None:
    code, _, err = lx(capsys, office, "establishment", "update", "1", "--per-year", per_year)
    assert code != 0 and "每年应召开次数" in err, err
    assert show(capsys, office)["meetings_per_year"] == 2  # the township default, unchanged
    code, _, err = lx(capsys, office, *ADD[:5], "滨海县人民政府", *ADD[6:], "--per-year", per_year)
    assert code != 0 and "每年应召开次数" in err, err


def test_update_refuses_a_level_other_than_the_unions(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = lx(capsys, office, "establishment", "update", "1", "--level", "enterprise")
    assert code != 0 and "层级不符" in err


def test_close_removes_the_record_and_frees_the_pair(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = lx(capsys, office, "establishment", "close", "1")
    assert code == 0, err
    assert "已撤销建制记录：八滩镇工会—八滩镇人民政府（编号 1）" in out
    code, _, err = lx(capsys, office, "establishment", "update", "1")
    assert code != 0
    code, out, err = lx(capsys, office, *ADD)
    assert code == 0, err
    assert "编号 2" in out


def test_report_reply_prints_the_letter_of_a_suggestion(
    office: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = lx(
        capsys, office, "suggestion", "add", "--channel", "letter", "--received-on",
        "2026-03-01", "--content", "建议建设职工书屋", "--target-level", "county", "--name", "李梅",
    )  # fmt: skip
    assert code == 0, err
    out_file = tmp_path / "reply.pdf"
    code, out, err = lx(capsys, office, "report", "reply", "1", "--out", str(out_file))
    assert code == 0, err
    assert out_file.read_bytes().startswith(b"%PDF") and "已生成" in out
    code, _, err = lx(capsys, office, "report", "reply", "9", "--out", str(out_file))
    assert code != 0 and "9" in err
