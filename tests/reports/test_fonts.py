"""Font resolution: preference order, overrides, refusals and the missing-font error."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from desktop.messages import describe
from desktop.reports.fonts import (
    FontMissing,
    FontOverride,
    FontRole,
    font_problem,
    resolve_fonts,
)

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
UKAI = Path("/usr/share/fonts/truetype/arphic/ukai.ttc")
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

pytestmark = pytest.mark.skipif(
    not (UMING.exists() and UKAI.exists() and ZENHEI.exists()),
    reason="needs fonts-arphic-uming, fonts-arphic-ukai and fonts-wqy-zenhei (make system)",
)


def font_dir(tmp_path: Path, **links: Path) -> Path:
    """A folder holding the given real fonts under Windows-style file names."""
    folder = tmp_path / "fonts"
    folder.mkdir(exist_ok=True)
    for name, target in links.items():
        (folder / name.replace("_", ".")).symlink_to(target)
    return folder


def cff_font(path: Path) -> Path:
    """The start of an OpenType font with PostScript outlines: what ReportLab cannot embed."""
    path.write_bytes(b"OTTO\x00\x0a\x00\x80\x00\x03\x00\x20" + bytes(200))
    return path


def test_windows_fonts_come_first_and_each_role_gets_its_own(tmp_path: Path) -> None:
    folder = font_dir(
        tmp_path,
        simfang_ttf=UKAI,
        simsun_ttc=UMING,
        simhei_ttf=ZENHEI,
        simkai_ttf=UKAI,
        uming_ttc=UMING,
    )
    fonts = resolve_fonts(search_dirs=[folder])
    assert fonts.body.path.name == "simfang.ttf"
    assert fonts.song.path.name == "simsun.ttc"
    assert fonts.hei.path.name == "simhei.ttf"
    assert fonts.kai.path.name == "simkai.ttf"
    # No 小标宋 here: the Song face stands in, stroked to look bold.
    assert fonts.title.path.name == "simsun.ttc"
    assert fonts.title.fake_bold and not fonts.body.fake_bold


def test_debian_fonts_serve_every_role_with_uming_for_body_and_title(tmp_path: Path) -> None:
    folder = font_dir(tmp_path, uming_ttc=UMING, ukai_ttc=UKAI, **{"wqy-zenhei_ttc": ZENHEI})
    fonts = resolve_fonts(search_dirs=[folder])
    assert (fonts.body.path.name, fonts.body.subfont_index) == ("uming.ttc", 0)
    assert fonts.kai.path.name == "ukai.ttc"
    assert fonts.hei.path.name == "wqy-zenhei.ttc"
    assert fonts.title.path.name == "uming.ttc" and fonts.title.fake_bold


def test_a_role_without_its_own_font_falls_back_to_any_chinese_font(tmp_path: Path) -> None:
    folder = font_dir(tmp_path, **{"wqy-zenhei_ttc": ZENHEI})
    fonts = resolve_fonts(search_dirs=[folder])
    assert {font.path.name for font in (fonts.body, fonts.kai, fonts.song)} == {"wqy-zenhei.ttc"}


def test_file_names_match_whatever_their_case(tmp_path: Path) -> None:
    folder = font_dir(tmp_path, SIMHEI_TTF=ZENHEI, uming_ttc=UMING)
    assert resolve_fonts(search_dirs=[folder]).hei.path.name == "SIMHEI.TTF"


def test_an_override_beats_the_preference_list(tmp_path: Path) -> None:
    folder = font_dir(tmp_path, simfang_ttf=UMING)
    fonts = resolve_fonts({FontRole.BODY: str(UKAI)}, search_dirs=[folder])
    assert fonts.body.path == UKAI
    assert fonts.song.path.name == "simfang.ttf"


def test_an_override_may_pick_a_face_inside_a_collection(tmp_path: Path) -> None:
    folder = font_dir(tmp_path, uming_ttc=UMING)
    fonts = resolve_fonts({FontRole.SONG: FontOverride(UMING, 2)}, search_dirs=[folder])
    assert fonts.song.subfont_index == 2
    assert fonts.song.name != fonts.body.name


def test_a_cff_opentype_font_is_refused_with_its_reason(tmp_path: Path) -> None:
    otf = cff_font(tmp_path / "SourceHanSerifSC-Regular.otf")
    assert font_problem(otf) == "cff_outlines"
    with pytest.raises(FontMissing) as caught:
        resolve_fonts({FontRole.TITLE: otf}, search_dirs=[])
    assert caught.value.code == "font_override_unusable"
    assert caught.value.fields["reason"] == "cff_outlines"
    message = describe(caught.value, "zh")
    assert str(otf) in message and "无法嵌入" in message


def test_a_cff_font_under_a_preferred_name_is_skipped_for_the_next_one(tmp_path: Path) -> None:
    folder = font_dir(tmp_path, simsun_ttc=UMING)
    cff_font(folder / "simfang.ttf")
    assert resolve_fonts(search_dirs=[folder]).body.path.name == "simsun.ttc"


def test_a_font_without_chinese_glyphs_is_refused() -> None:
    if not DEJAVU.exists():
        pytest.skip("needs fonts-dejavu-core")
    assert font_problem(DEJAVU) == "no_cjk_glyphs"


def test_a_missing_file_or_face_is_refused(tmp_path: Path) -> None:
    assert font_problem(tmp_path / "simfang.ttf") == "unreadable"
    assert font_problem(UMING, subfont_index=9) == "no_such_subfont"


def test_no_chinese_font_at_all_raises_font_missing_with_packages_to_install(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FontMissing) as caught:
        resolve_fonts(search_dirs=[empty])
    error = caught.value
    assert error.code == "font_missing"
    assert "fonts-arphic-uming" in error.fields["install"]
    assert describe(error, "zh") == (
        "未找到可用的中文字体，请安装 fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei "
        "或在设置中指定字体文件"
    )
    assert describe(error, "en").startswith("No usable Chinese font")


def test_fonts_are_resolved_and_registered_once_per_process(tmp_path: Path) -> None:
    folder = font_dir(tmp_path, uming_ttc=UMING)
    first = resolve_fonts(search_dirs=[folder])
    registered = set(pdfmetrics.getRegisteredFontNames())
    assert resolve_fonts(search_dirs=[folder]) is first
    assert set(pdfmetrics.getRegisteredFontNames()) == registered
    # One file serving several roles is one registered font, embedded once.
    assert first.body.name == first.song.name == first.title.name
