"""The office's own faces: Windows, Founder _GBK and CESI files, a folder chosen in the settings
(found by family name), and which roles print in a stand-in face."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.reports import fonts as font_module
from desktop.reports.font_names import family_names
from desktop.reports.fonts import FontRole, resolve_fonts, stand_in_roles, use_font_folder
from tests.reports.test_fonts import UKAI, UMING, ZENHEI, font_dir

pytestmark = pytest.mark.skipif(
    not (UMING.exists() and UKAI.exists() and ZENHEI.exists()),
    reason="needs fonts-arphic-uming, fonts-arphic-ukai and fonts-wqy-zenhei (make system)",
)


@pytest.fixture(autouse=True)
def no_font_folder() -> Iterator[None]:
    yield
    use_font_folder(None)


def test_the_windows_faces_serve_every_role_and_none_is_a_stand_in(tmp_path: Path) -> None:
    folder = font_dir(
        tmp_path,
        FZXBSK_TTF=UMING,  # 方正小标宋_GBK
        simfang_ttf=UKAI,
        simhei_ttf=ZENHEI,
        simkai_ttf=UKAI,
        simsun_ttc=UMING,
    )
    fonts = resolve_fonts(search_dirs=[folder])
    assert fonts.title.path.name == "FZXBSK.TTF" and not fonts.title.fake_bold
    assert stand_in_roles(fonts) == ()


def test_the_cesi_fonts_of_kylin_and_uos_are_found_in_their_folder(tmp_path: Path) -> None:
    cesi = tmp_path / "usr/share/fonts/truetype/cesi"
    cesi.mkdir(parents=True)
    for name, target in (
        ("CESI_XBS_GB18030.TTF", UMING),
        ("CESI_FS_GB18030.TTF", UKAI),
        ("CESI_HT_GB18030.TTF", ZENHEI),
        ("CESI_KT_GB18030.TTF", UKAI),
        ("CESI_SS_GB18030.TTF", UMING),
    ):
        (cesi / name).symlink_to(target)
    fonts = resolve_fonts(search_dirs=[tmp_path / "usr/share/fonts"])
    assert {role: fonts[role].path.name[:7] for role in FontRole} == {
        FontRole.TITLE: "CESI_XB",
        FontRole.BODY: "CESI_FS",
        FontRole.HEI: "CESI_HT",
        FontRole.KAI: "CESI_KT",
        FontRole.SONG: "CESI_SS",
    }
    assert stand_in_roles(fonts) == ()


def test_a_song_face_standing_in_for_fangsong_and_xiaobiaosong_is_reported(
    tmp_path: Path,
) -> None:
    folder = font_dir(tmp_path, uming_ttc=UMING, ukai_ttc=UKAI, **{"wqy-zenhei_ttc": ZENHEI})
    fonts = resolve_fonts(search_dirs=[folder])
    assert stand_in_roles(fonts) == (FontRole.TITLE, FontRole.BODY)


def test_family_names_are_read_from_the_name_table() -> None:
    assert "WenQuanYi Zen Hei" in family_names(ZENHEI)
    assert family_names(UMING) == ("AR PL UMing CN",)
    assert family_names(Path("/nonexistent.ttf")) == ()


def test_the_settings_folder_comes_first_and_its_fonts_are_known_by_family_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "office fonts"
    folder.mkdir()
    (folder / "fs.ttf").symlink_to(UKAI)  # a 仿宋_GB2312 under a name no list knows
    (folder / "simhei.ttf").symlink_to(ZENHEI)
    names = {"fs.ttf": ("仿宋_GB2312",), "simhei.ttf": ("SimHei",)}
    monkeypatch.setattr(font_module, "family_names", lambda path, face=0: names.get(path.name, ()))
    use_font_folder(folder)
    fonts = resolve_fonts()
    assert fonts.body.path == folder / "fs.ttf" and not fonts.body.stand_in
    assert fonts.hei.path == folder / "simhei.ttf"
    use_font_folder(None)
    assert resolve_fonts().body.path != folder / "fs.ttf"
