"""Chinese font resolution per typographic role, registered with ReportLab once per process."""

from __future__ import annotations

import functools
import os
import struct
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.core.errors import DomainError
from desktop.reports.font_names import family_names


class FontRole(StrEnum):
    TITLE = "title"  # 小标宋: titles and red banners
    BODY = "body"  # 仿宋: body text
    HEI = "hei"  # 黑体: 一、 headings, labels
    KAI = "kai"  # 楷体: （一） headings
    SONG = "song"  # 宋体: page numbers


@dataclass(frozen=True)
class FontCandidate:
    file_name: str
    subfont_index: int = 0
    fake_bold: bool = False  # a regular Song standing in for 小标宋 is stroked to look bold
    stand_in: bool = False  # another face doing the role's work (a Song for 仿宋)


@dataclass(frozen=True)
class FontOverride:
    """A font file the user chose in the settings for one role."""

    path: Path
    subfont_index: int = 0
    fake_bold: bool = False


@dataclass(frozen=True)
class ResolvedFont:
    role: FontRole
    name: str  # the ReportLab font name
    path: Path
    subfont_index: int
    fake_bold: bool
    stand_in: bool = False  # not the face GB/T 9704 names for the role


@dataclass(frozen=True)
class FontSet:
    title: ResolvedFont
    body: ResolvedFont
    hei: ResolvedFont
    kai: ResolvedFont
    song: ResolvedFont

    def __getitem__(self, role: FontRole) -> ResolvedFont:
        font: ResolvedFont = getattr(self, role.value)
        return font


class FontMissing(DomainError):
    """No usable Chinese font for a role; `install` names the packages that would provide one.

    desktop.messages words it; `install` is one string, ready for a package manager's command.
    """

    code = "font_missing"


INSTALL_PACKAGES = ("fonts-arphic-uming", "fonts-arphic-ukai", "fonts-wqy-zenhei")


def _faces(*names: str) -> tuple[FontCandidate, ...]:
    return tuple(FontCandidate(name) for name in names)


# The faces GB/T 9704 names, by the file names offices have them under: Windows, the
# GB2312-era files government PCs still carry, Founder's 简体 (JW) and _GBK (K) files, and the
# CESI fonts Kylin and UOS ship. UMing/UKai index 0 is the simplified-Chinese face.
_SONG = (
    FontCandidate("simsun.ttc"),
    *_faces("simsun.ttf", "CESI_SS_GB2312.TTF", "CESI_SS_GB13000.TTF", "CESI_SS_GB18030.TTF"),
    *_faces("FZSSJW.TTF", "FZSSK.TTF", "方正书宋_GBK.ttf", "uming.ttc"),
)
_AS_STAND_IN = tuple(FontCandidate(c.file_name, c.subfont_index, stand_in=True) for c in _SONG)
# Debian-family stand-ins, for a role none of whose own faces is installed.
_GENERIC = (
    *_AS_STAND_IN,
    *(
        FontCandidate(name, stand_in=True)
        for name in (
            "simfang.ttf",
            "ukai.ttc",
            "wqy-zenhei.ttc",
            "wqy-microhei.ttc",
            "DroidSansFallbackFull.ttf",
        )
    ),
)
PREFERENCES: dict[FontRole, tuple[FontCandidate, ...]] = {
    FontRole.TITLE: (
        *_faces("FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXiaoBiaoSong-B05S.ttf"),
        *_faces("FZXBSK.TTF", "方正小标宋_GBK.ttf", "FZXiaoBiaoSong-B05.ttf"),
        *_faces("CESI_XBS_GB2312.TTF", "CESI_XBS_GB13000.TTF", "CESI_XBS_GB18030.TTF"),
        *(FontCandidate(c.file_name, c.subfont_index, True, True) for c in _SONG),
        FontCandidate("simhei.ttf", stand_in=True),
        FontCandidate("wqy-zenhei.ttc", stand_in=True),
    ),
    FontRole.BODY: (
        *_faces("simfang.ttf", "仿宋_GB2312.ttf", "FS_GB2312.ttf", "fsgb2312.ttf"),
        *_faces("CESI_FS_GB2312.TTF", "CESI_FS_GB13000.TTF", "CESI_FS_GB18030.TTF"),
        *_faces("FZFSJW.TTF", "FZFSK.TTF", "方正仿宋_GBK.ttf"),
        *_AS_STAND_IN,
    ),
    FontRole.HEI: (
        *_faces("simhei.ttf", "CESI_HT_GB2312.TTF", "CESI_HT_GB13000.TTF", "CESI_HT_GB18030.TTF"),
        *_faces("FZHTJW.TTF", "FZHTK.TTF", "方正黑体_GBK.ttf"),
        *_faces("wqy-zenhei.ttc", "wqy-microhei.ttc"),
        FontCandidate("DroidSansFallbackFull.ttf", stand_in=True),
    ),
    FontRole.KAI: (
        *_faces("simkai.ttf", "楷体_GB2312.ttf", "KT_GB2312.ttf", "ktgb2312.ttf"),
        *_faces("CESI_KT_GB2312.TTF", "CESI_KT_GB13000.TTF", "CESI_KT_GB18030.TTF"),
        *_faces("FZKTJW.TTF", "FZKTK.TTF", "方正楷体_GBK.ttf", "ukai.ttc"),
    ),
    FontRole.SONG: _SONG,
}
# What a face calls itself, for fonts in the folder chosen in the settings: the first role
# whose words appear in a family name (小标宋 before 宋, 仿宋 before 宋).
FAMILY_WORDS: tuple[tuple[FontRole, tuple[str, ...]], ...] = (
    (FontRole.TITLE, ("小标宋", "xiaobiaosong", "xbs")),
    (FontRole.BODY, ("仿宋", "fangsong")),
    (FontRole.KAI, ("楷", "kaiti")),
    (FontRole.HEI, ("黑体", "simhei", "heiti")),
    (FontRole.SONG, ("宋体", "simsun", "songti", "书宋")),
)

_font_folder: Path | None = None


def use_font_folder(folder: Path | str | None) -> None:
    """The folder chosen in the settings: searched first, by file name and by family name."""
    global _font_folder  # one process-wide choice, like the fonts registered with ReportLab
    _font_folder = Path(folder) if folder else None


def font_folder() -> Path | None:
    return _font_folder


def default_font_dirs() -> tuple[Path, ...]:
    """Folders searched for font files, Windows system and per-user folders included."""
    dirs = [_font_folder] if _font_folder is not None else []
    dirs += [Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts", Path("C:/Windows/Fonts")]
    if "LOCALAPPDATA" in os.environ:
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    dirs += [home / ".local/share/fonts", home / ".fonts"]
    dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    return tuple(dict.fromkeys(dirs))


def _index_dirs(dirs: Iterable[Path]) -> dict[str, Path]:
    """Lower-cased file name to the first path holding it; Windows spells names in any case."""
    found: dict[str, Path] = {}
    for root in dirs:
        for folder, _subdirs, files in os.walk(root):
            for name in files:
                found.setdefault(name.lower(), Path(folder) / name)
    return found


def font_problem(path: Path, subfont_index: int = 0) -> str | None:
    """Why ReportLab cannot embed this face as a TrueType subset with Chinese glyphs, or None."""
    try:
        with path.open("rb") as stream:
            head = stream.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if subfont_index >= count:
                    return "no_such_subfont"
                stream.seek(12 + 4 * subfont_index)
                stream.seek(struct.unpack(">I", stream.read(4))[0])
                head = stream.read(4)
    except OSError:
        return "unreadable"
    if head[:4] == b"OTTO":
        return "cff_outlines"  # ReportLab embeds glyf outlines only
    if head[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return "not_truetype"
    try:
        face = _load(path, subfont_index)
    except (TTFError, OSError, struct.error):
        return "unusable"
    if ord("中") not in face.face.charToGlyph:
        return "no_cjk_glyphs"
    return None


@functools.cache
def _load(path: Path, subfont_index: int) -> TTFont:
    """Parse and register one face; parsing a CJK font costs tens of milliseconds, so only once."""
    name = f"LX-{path.stem}-{subfont_index}-{zlib.crc32(str(path).encode()):08x}"
    font = TTFont(name, str(path), subfontIndex=subfont_index)
    pdfmetrics.registerFont(font)
    return font


def _resolved(role: FontRole, choice: FontCandidate | FontOverride, path: Path) -> ResolvedFont:
    font = _load(path, choice.subfont_index)
    stand_in = isinstance(choice, FontCandidate) and choice.stand_in
    return ResolvedFont(role, font.fontName, path, choice.subfont_index, choice.fake_bold, stand_in)


def _role_of_family(path: Path) -> FontRole | None:
    names = " ".join(family_names(path)).lower()
    return next((role for role, words in FAMILY_WORDS if any(w in names for w in words)), None)


def _folder_faces(folder: Path | None) -> dict[FontRole, Path]:
    """The folder's fonts by the role their family name says they serve (first file wins)."""
    found: dict[FontRole, Path] = {}
    if folder is None:
        return found
    for path in sorted(_index_dirs((folder,)).values()):
        role = _role_of_family(path)
        if role is not None:
            found.setdefault(role, path)
    return found


def _resolve_role(
    role: FontRole,
    index: Mapping[str, Path],
    skipped: list[tuple[str, str]],
    folder_faces: Mapping[FontRole, Path],
) -> ResolvedFont | None:
    named = folder_faces.get(role)
    if named is not None and font_problem(named) is None:
        return _resolved(role, FontCandidate(named.name), named)
    for candidate in (*PREFERENCES[role], *_GENERIC):
        path = index.get(candidate.file_name.lower())
        if path is None:
            continue
        problem = font_problem(path, candidate.subfont_index)
        if problem is None:
            return _resolved(role, candidate, path)
        skipped.append((str(path), problem))
    return None


@functools.cache
def _resolve_cached(
    overrides: tuple[tuple[FontRole, FontOverride], ...],
    dirs: tuple[Path, ...],
    folder: Path | None,
) -> FontSet:
    index = _index_dirs(dirs)
    folder_faces = _folder_faces(folder)
    chosen: dict[FontRole, ResolvedFont] = {}
    skipped: list[tuple[str, str]] = []
    for role, override in overrides:
        problem = font_problem(override.path, override.subfont_index)
        if problem is not None:
            raise FontMissing(
                "font_override_unusable", role=role.value, path=str(override.path), reason=problem
            )
        chosen[role] = _resolved(role, override, override.path)
    for role in FontRole:
        if role not in chosen:
            found = _resolve_role(role, index, skipped, folder_faces)
            if found is None:
                raise FontMissing(
                    role=role.value, install=" ".join(INSTALL_PACKAGES), skipped=tuple(skipped)
                )
            chosen[role] = found
    return FontSet(**{role.value: font for role, font in chosen.items()})


def resolve_fonts(
    overrides: Mapping[FontRole, FontOverride | Path | str] | None = None,
    search_dirs: Sequence[Path] | None = None,
) -> FontSet:
    """The font for every role: an override if given, else a face of the settings' folder
    whose family name fits the role, else the first usable preferred file."""
    normalized = tuple(
        sorted(
            (
                (
                    FontRole(role),
                    value if isinstance(value, FontOverride) else FontOverride(Path(value)),
                )
                for role, value in (overrides or {}).items()
            ),
            key=lambda pair: pair[0],
        )
    )
    if search_dirs is None:
        return _resolve_cached(normalized, default_font_dirs(), _font_folder)
    return _resolve_cached(normalized, tuple(search_dirs), None)


def stand_in_roles(fonts: FontSet) -> tuple[FontRole, ...]:
    """Roles served by another face than GB/T 9704 names (a Song for 仿宋, a stroked Song for
    小标宋): what the preview says once."""
    return tuple(role for role in FontRole if fonts[role].stand_in)
