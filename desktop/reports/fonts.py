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

# Windows names first (the fonts GB/T 9704 names), then the CESI fonts Kylin and UOS ship,
# then what Debian-family systems package; UMing/UKai index 0 is the simplified-Chinese face.
_SONG = (
    FontCandidate("simsun.ttc"),
    FontCandidate("CESI_SS_GB2312.TTF"),
    FontCandidate("uming.ttc"),
)
_GENERIC = (
    *_SONG,
    FontCandidate("simfang.ttf"),
    FontCandidate("ukai.ttc"),
    FontCandidate("wqy-zenhei.ttc"),
    FontCandidate("wqy-microhei.ttc"),
    FontCandidate("DroidSansFallbackFull.ttf"),
)
PREFERENCES: dict[FontRole, tuple[FontCandidate, ...]] = {
    FontRole.TITLE: (
        FontCandidate("FZXBSJW.TTF"),
        FontCandidate("方正小标宋简体.ttf"),
        FontCandidate("CESI_XBS_GB2312.TTF"),
        *(FontCandidate(c.file_name, c.subfont_index, fake_bold=True) for c in _SONG),
        FontCandidate("simhei.ttf"),
        FontCandidate("wqy-zenhei.ttc"),
    ),
    FontRole.BODY: (
        FontCandidate("simfang.ttf"),
        FontCandidate("CESI_FS_GB2312.TTF"),
        FontCandidate("FZFSJW.TTF"),
        *_SONG,
    ),
    FontRole.HEI: (
        FontCandidate("simhei.ttf"),
        FontCandidate("CESI_HT_GB2312.TTF"),
        FontCandidate("wqy-zenhei.ttc"),
        FontCandidate("wqy-microhei.ttc"),
        FontCandidate("DroidSansFallbackFull.ttf"),
    ),
    FontRole.KAI: (
        FontCandidate("simkai.ttf"),
        FontCandidate("CESI_KT_GB2312.TTF"),
        FontCandidate("ukai.ttc"),
    ),
    FontRole.SONG: _SONG,
}


def default_font_dirs() -> tuple[Path, ...]:
    """Folders searched for font files, Windows system and per-user folders included."""
    dirs = [Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts", Path("C:/Windows/Fonts")]
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
    return ResolvedFont(role, font.fontName, path, choice.subfont_index, choice.fake_bold)


def _resolve_role(
    role: FontRole, index: Mapping[str, Path], skipped: list[tuple[str, str]]
) -> ResolvedFont | None:
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
    overrides: tuple[tuple[FontRole, FontOverride], ...], dirs: tuple[Path, ...]
) -> FontSet:
    index = _index_dirs(dirs)
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
            found = _resolve_role(role, index, skipped)
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
    """The font for every role: an override if given, else the first usable preferred file."""
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
    dirs = tuple(search_dirs) if search_dirs is not None else default_font_dirs()
    return _resolve_cached(normalized, dirs)
