"""What the frozen build carries and what it leaves out: read by lianxi.spec and by the tests.

Plain Python without PyInstaller, so tests/test_installer.py checks these lists against the
repository on every `make test` without building.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A collected file as PyInstaller lists it: (path in the bundle, source path, kind).
Entry = tuple[str, str, str]

# Python modules never bundled. Qt Quick/QML and the virtual keyboard come in only through
# the virtual-keyboard input plugin; the rest are test or development tools that happen to be
# in the build environment, or optional back ends of our dependencies that LianXi never uses
# (pygments: Mako's highlighter; psycopg2: SQLAlchemy's other PostgreSQL driver). psycopg (the
# `postgres` extra, for a county's shared server) stays: about 12 MB. Pillow stays, as
# reportlab.lib.utils imports it unconditionally, but without its AVIF codec (4.7 MB): Pillow
# skips image plugins it cannot import.
#
# Qt's Python bindings the program never imports, though their libraries stay (Qt Pdf needs
# Network, Qt Charts OpenGL): QtOpenGL alone is 9 MB. Pillow's WebP and colour-management codecs
# and their libraries (documents embed no images); lxml's objectify, html, sax and
# schematron (python-docx and openpyxl use lxml.etree); readline (no interactive prompt).
# setuptools, pkg_resources and distutils: only jieba asks for pkg_resources, and opens its
# dictionary beside its module without it; bundled, setuptools was imported by PyInstaller's
# runtime hook at every start (about 0.1 s before anything of ours).
EXCLUDED_MODULES = (
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtVirtualKeyboard",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.sax",
    "readline",
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "pygments",
    "psycopg2",
    "tkinter",
    "pytest",
    "hypothesis",
    "pdfplumber",
    "pypdf",
    "IPython",
)

# Qt libraries and plugins dropped from the collected files, matched against their path inside
# the bundle. Kept platforms: xcb (X11; Wayland sessions run it through XWayland), offscreen
# (the self-test) and windows. Also left out: the input plugins of the framebuffer platforms
# (generic/), Qt Network's TLS back ends and network-state plugins (the program opens no
# connection through Qt; the second brought GIO and its libraries), and every image format
# but SVG and ICO (icons are PNG, which Qt reads itself; the preview renders PDF pages with
# Qt Pdf, not its image plugin).
_QT = r"PySide6/Qt/(?:lib/)?"
EXCLUDED_QT_FILES = tuple(
    re.compile(pattern)
    for pattern in (
        r"(^|/)libQt6(Qml|Quick|VirtualKeyboard|Wayland|WlShell|EglFS|EglFs)[^/]*$",
        r"(^|/)Qt6(Qml|Quick|VirtualKeyboard)[^/]*\.dll$",
        _QT + r"qml/",
        _QT + r"plugins/platforminputcontexts/[^/]*virtualkeyboard[^/]*$",
        _QT + r"plugins/platforms/(lib)?q(eglfs|linuxfb|vnc|minimal|minimalegl|vkkhrdisplay|"
        r"wayland-[a-z]+|direct2d)[^/]*$",
        _QT + r"plugins/(wayland-[^/]+|egldeviceintegrations|virtualkeyboard)/",
        _QT + r"plugins/(generic|tls|networkinformation)/",
        _QT + r"plugins/imageformats/(lib)?q(gif|icns|jpeg|pdf|tga|tiff|wbmp|webp)[^/]*$",
        # The GTK theme plugin loads the system's GTK 3 against the cairo and pango the build
        # machine lent the bundle: a mix that breaks on other distributions. Without it Qt
        # draws its own (translated) dialogs, or the desktop portal's.
        _QT + r"plugins/platformthemes/libqgtk3\.so$",
    )
)
# Qt's own translations: only the Chinese ones (确定/取消 in standard dialogs).
QT_TRANSLATION = re.compile(r"PySide6/Qt/translations/[^/]+\.qm$")
KEPT_QT_TRANSLATION = re.compile(r"_zh_CN\.qm$")

# Data files of dependencies, by package: the patterns (relative to the package) to bundle.
# pypinyin reads its dictionaries from JSON beside its modules; jieba needs its dictionary and
# the HMM tables of its default segmenter, not the 35 MB of keyword extraction, part-of-speech
# and Paddle models; python-docx its default template. The holiday calendar (chinese_calendar)
# is Python code, found by the analysis like any import.
PACKAGE_DATA = {
    "pypinyin": ("*.json",),
    "jieba": ("dict.txt", "finalseg/*.p"),
    "docx": ("templates/*",),
}

# Declared dependencies that ship data files LianXi does not need, and why; every other one with
# data files must be in PACKAGE_DATA (tests/test_installer.py holds new dependencies to that).
DATA_NOT_NEEDED = {
    "PySide6-Essentials": "Qt's libraries, plugins and translations come through PyInstaller's hooks",
    "PySide6-Addons": "Qt's libraries, plugins and translations come through PyInstaller's hooks",
    "SQLAlchemy": "Cython sources and a developer guide",
    "alembic": "the templates of `alembic init`; upgrading reads our own migrations",
    "reportlab": "demo Type 1 fonts; documents embed the system's Chinese TrueType fonts",
    "keyring": "shell completion scripts",
}

# Our own files and folders: (source relative to the repository, folder in the bundle).
PROJECT_DATA = (
    ("desktop/db/migrations", "desktop/db/migrations"),
    ("resources/translations", "resources/translations"),
    ("resources/icons", "resources/icons"),
    # Help → user guide opens it (desktop/views/window_menus.py).
    ("docs/user-guide.md", "resources/docs"),
)

# Imported inside functions or by name at run time, so the analysis may not see them.
HIDDEN_IMPORTS = (
    "desktop.app",
    "desktop.views.main_window",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg_binary",
    "jieba",
    "docx",
)


def keep(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) belongs in the build."""
    path = dest.replace("\\", "/")
    if QT_TRANSLATION.search(path):
        return bool(KEPT_QT_TRANSLATION.search(path))
    package, _, inside = path.partition("/")
    if package in PACKAGE_DATA and inside and not inside.endswith((".py", ".pyc", ".so", ".pyd")):
        # Hooks of these packages collect all their data; only the listed files are needed.
        return any(fnmatch.fnmatch(inside, pattern) for pattern in PACKAGE_DATA[package])
    return not any(pattern.search(path) for pattern in EXCLUDED_QT_FILES)


def package_data(package: str, site_dir: Path) -> list[tuple[str, str]]:
    """(source, destination folder) pairs for one dependency's data files, as PyInstaller wants."""
    base = site_dir / package
    pairs = []
    for pattern in PACKAGE_DATA[package]:
        for path in sorted(base.glob(pattern)):
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                pairs.append((str(path), str(Path(package) / path.parent.relative_to(base))))
    return pairs


def project_data(root: Path = ROOT) -> list[tuple[str, str]]:
    return [(str(root / source), dest) for source, dest in PROJECT_DATA]


def without_orphans(kept: list[Entry], left_out: Iterable[Entry]) -> list[Entry]:
    """`kept` less the system libraries collected only because a left-out file needed them
    (the GTK theme plugin brings cairo, pango and a dozen more)."""
    from check_glibc import needed_libraries

    # Real files only: PyInstaller also lists symbolic links, whose source is the link's target.
    by_name = {
        Path(dest).name: (dest, source) for dest, source, _ in kept if Path(source).is_file()
    }

    def closure(roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        pending = list(roots)
        while pending:
            name = pending.pop()
            if name in seen or name not in by_name:
                continue
            seen.add(name)
            pending.extend(needed_libraries(Path(by_name[name][1])))
        return seen

    removed_needs = [
        name
        for _, source, _ in left_out
        if Path(source).is_file()
        for name in needed_libraries(Path(source))
    ]
    # Only libraries at the top of the bundle: system libraries, never Python or Qt modules.
    candidates = {name for name in closure(removed_needs) if "/" not in by_name[name][0]}
    still_needed = closure(
        Path(dest).name for dest, _, _ in kept if Path(dest).name not in candidates
    )
    orphans = candidates - still_needed
    return [entry for entry in kept if Path(entry[0]).name not in orphans]


def record_trimmed(collected: Iterable[Entry], kept: Iterable[Entry], report: Path) -> None:
    """Write the collected files the build leaves out, with their sizes, for bundle_report.py."""
    kept_dests = {dest for dest, _, _ in kept}
    left_out = {
        dest: Path(source).stat().st_size
        for dest, source, _ in collected
        if dest not in kept_dests and Path(source).is_file()
    }
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(left_out, indent=0, sort_keys=True), encoding="utf-8")
