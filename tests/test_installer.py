"""The release build stays consistent with the repository, checked without running PyInstaller:
what the program loads is bundled, what the spec leaves out is never imported, the Linux menu
entry is valid and the Windows installer keeps the user's data."""

from __future__ import annotations

import ast
import configparser
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))

import bundle_rules  # noqa: E402
import check_glibc  # noqa: E402
import render_icons  # noqa: E402

SPEC = (INSTALLER / "lianxi.spec").read_text(encoding="utf-8")
DESKTOP_FILE = INSTALLER / "linux" / "lianxi.desktop"
ISS = (INSTALLER / "lianxi.iss").read_text(encoding="utf-8")


def source_files() -> list[Path]:
    return sorted((ROOT / "desktop").rglob("*.py"))


def imported_modules() -> set[str]:
    """Every module the program's source imports, at module level or inside a function."""
    found: set[str] = set()
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def resource_calls() -> list[tuple[str, ...]]:
    """The constant leading arguments of every resource_path(...) call in the program."""
    calls = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "resource_path"
            ):
                parts = []
                for arg in node.args:
                    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                        break
                    parts.append(arg.value)
                calls.append(tuple(parts))
    return calls


def test_the_spec_takes_its_lists_from_bundle_rules() -> None:
    for use in (
        "bundle_rules.project_data(root)",
        "bundle_rules.PACKAGE_DATA",
        "bundle_rules.HIDDEN_IMPORTS",
        "bundle_rules.EXCLUDED_MODULES",
        "bundle_rules.keep(entry[0])",
    ):
        assert use in SPEC, use


def test_a_console_program_ships_beside_the_window() -> None:
    # A windowed Windows program has no stdout: the CLI needs its own console EXE.
    assert re.search(r'name="lianxi-cli",\s*console=True', SPEC)
    assert re.search(r'name="lianxi",\s*console=False', SPEC)
    assert re.search(r"if windows:\n\s+cli = EXE\(", SPEC) and "programs.append(cli)" in SPEC
    assert "COLLECT(*programs," in SPEC


def bundled_source(parts: tuple[str, ...]) -> Path | None:
    """The repository file or folder that resource_path(*parts) finds in a frozen build."""
    for source, dest in bundle_rules.PROJECT_DATA:
        origin = ROOT / source
        folder = dest.removeprefix("resources/")
        if not dest.startswith("resources/") or folder != parts[0]:
            continue
        if origin.is_dir():
            return origin.joinpath(*parts[1:])
        if parts[1:] == (origin.name,):
            return origin
    return None


def test_every_bundled_file_of_ours_exists_and_every_resource_is_bundled() -> None:
    destinations = {dest for _, dest in bundle_rules.PROJECT_DATA}
    for source, _ in bundle_rules.PROJECT_DATA:
        assert (ROOT / source).exists(), source
    # Everything under resources/ the program could load is bundled.
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            relative = path.relative_to(ROOT).as_posix()
            assert any(relative.startswith(dest + "/") for dest in destinations), relative
    # Every resource_path("folder", "file") the code calls finds a bundled file.
    calls = resource_calls()
    assert calls, "resource_path is no longer used: update this test"
    for parts in calls:
        if not parts:
            continue  # resource_path() itself: the folder, not a resource
        found = bundled_source(parts)
        assert found is not None and found.exists(), (
            f"resource_path{parts} is not bundled: add it to PROJECT_DATA in "
            "installer/bundle_rules.py"
        )


def test_the_migrations_are_bundled_where_migrate_looks_for_them() -> None:
    from desktop.db import migrate

    relative = migrate.MIGRATIONS_DIR.relative_to(ROOT).as_posix()
    assert (relative, relative) in bundle_rules.PROJECT_DATA
    assert list(migrate.MIGRATIONS_DIR.glob("versions/*.py"))


def site_dir_of(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.origin, package
    return Path(spec.origin).parent.parent


@pytest.mark.parametrize("package", sorted(bundle_rules.PACKAGE_DATA))
def test_every_data_pattern_finds_files(package: str) -> None:
    site = site_dir_of(package)
    for pattern in bundle_rules.PACKAGE_DATA[package]:
        assert list((site / package).glob(pattern)), (package, pattern)
    pairs = bundle_rules.package_data(package, site)
    assert all(dest.split("/")[0] == package for _, dest in pairs)


def test_jieba_and_python_docx_take_their_data_along() -> None:
    jieba = {
        Path(src).relative_to(site_dir_of("jieba")).as_posix()
        for src, _ in bundle_rules.package_data("jieba", site_dir_of("jieba"))
    }
    assert {"jieba/dict.txt", "jieba/finalseg/prob_emit.p"} <= jieba
    docx = {Path(src).name for src, _ in bundle_rules.package_data("docx", site_dir_of("docx"))}
    assert "default.docx" in docx
    # Only jieba's default segmenter is bundled: its tagger and keyword models are left out.
    assert not {m for m in imported_modules() if m.startswith(("jieba.posseg", "jieba.analyse"))}


def data_files(distribution: str) -> set[str]:
    """Top-level packages of a distribution that ship files other than code and typing."""
    code = re.compile(r"(\.py|\.pyc|\.pyi|py\.typed|\.pxd|\.so(\.\d+)*|\.pyd|\.dll)$")
    files = importlib.metadata.distribution(distribution).files or []
    return {
        f.parts[0]
        for f in files
        if ".dist-info" not in str(f) and not str(f).startswith("..") and not code.search(str(f))
    }


def test_every_dependency_with_data_files_is_bundled_with_them_or_explained() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in pyproject["project"]["dependencies"]:
        name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]
        if name in bundle_rules.DATA_NOT_NEEDED:
            continue
        missing = data_files(name) - set(bundle_rules.PACKAGE_DATA)
        assert not missing, (
            f"{name} ships data files in {sorted(missing)}: add them to PACKAGE_DATA in "
            "installer/bundle_rules.py, or say in DATA_NOT_NEEDED why they are not needed"
        )


def test_the_program_imports_nothing_the_spec_leaves_out() -> None:
    excluded = bundle_rules.EXCLUDED_MODULES
    clashes = sorted(
        module
        for module in imported_modules()
        if any(module == name or module.startswith(name + ".") for name in excluded)
    )
    assert clashes == []


def test_the_features_load_none_of_the_bindings_and_codecs_the_spec_leaves_out() -> None:
    """What the program's imports bring in of their own accord: the window, the preview with
    printing, charts, Word and Excel files, PDF documents, signed packages."""
    code = """
import sys
import desktop.app, desktop.views.main_window, desktop.views.document_preview
import desktop.views.assessment_page, desktop.views.exchange, desktop.cli
import desktop.core.spreadsheet, desktop.reports, docx, openpyxl, reportlab.lib.utils
import desktop.sync.exchange
print(" ".join(sorted(sys.modules)))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    loaded = set(result.stdout.split())
    # Pillow's image plugins load only when an image is opened, which the program never does;
    # jieba tries pkg_resources and goes on without it (the next test).
    optional = ("PIL.", "pkg_resources", "setuptools", "distutils", "_distutils_hack")
    left_out = {name for name in bundle_rules.EXCLUDED_MODULES if not name.startswith(optional)}
    assert not loaded & left_out


def test_jieba_finds_its_dictionary_without_pkg_resources(tmp_path: Path) -> None:
    code = """
import sys
sys.modules["pkg_resources"] = None  # as in the frozen build: importing it fails
import jieba
tokenizer = jieba.Tokenizer()
tokenizer.tmp_dir = sys.argv[1]
print("/".join(tokenizer.lcut("县总工会召开联席会议")))
"""
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().count("/") >= 2


def test_the_qt_modules_the_program_uses_keep_their_libraries() -> None:
    used = {m.split(".")[1] for m in imported_modules() if m.startswith("PySide6.Qt")}
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    for module in used:
        name = module.removeprefix("Qt")
        assert bundle_rules.keep(f"PySide6/Qt/lib/libQt6{name}.so.6"), module
        assert bundle_rules.keep(f"PySide6/Qt6{name}.dll"), module


def qt_dir() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin
    return Path(spec.origin).parent / "Qt"


def test_only_the_platforms_we_run_on_and_the_chinese_qt_translations_are_kept() -> None:
    platforms = qt_dir() / "plugins" / "platforms"
    kept = {
        p.name
        for p in platforms.iterdir()
        if bundle_rules.keep(f"PySide6/Qt/plugins/platforms/{p.name}")
    }
    names = {re.sub(r"^lib|\.(so|dll)$", "", name) for name in kept}
    assert names <= {"qxcb", "qoffscreen", "qwindows"}, names
    assert "qoffscreen" in names  # the self-test runs offscreen
    if sys.platform.startswith("linux"):
        assert "qxcb" in names
    translations = [p.name for p in (qt_dir() / "translations").glob("*.qm")]
    kept_translations = {
        name for name in translations if bundle_rules.keep(f"PySide6/Qt/translations/{name}")
    }
    # desktop/app.py loads qtbase_zh_CN for 确定/取消 in Qt's own dialogs.
    assert "qtbase_zh_CN.qm" in kept_translations
    assert all(name.endswith("_zh_CN.qm") for name in kept_translations)
    for dropped in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6VirtualKeyboard.so.6"):
        assert not bundle_rules.keep(f"PySide6/Qt/lib/{dropped}")
    assert not bundle_rules.keep(
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"
    )
    assert bundle_rules.keep(
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"
    )
    # Icons: SVG (theme icons) and ICO stay; PNG needs no plugin; no other format is read.
    formats = "PySide6/Qt/plugins/imageformats/"
    assert bundle_rules.keep(f"{formats}libqsvg.so") and bundle_rules.keep(f"{formats}qico.dll")
    assert not bundle_rules.keep(f"{formats}libqjpeg.so")
    assert not bundle_rules.keep(f"{formats}qpdf.dll")
    for plugin in ("tls/libqopensslbackend.so", "networkinformation/libqglib.so"):
        assert not bundle_rules.keep(f"PySide6/Qt/plugins/{plugin}")


def test_the_icon_exists_in_every_size_the_window_and_installers_use() -> None:
    icons = ROOT / "resources" / "icons"
    for size in render_icons.PNG_SIZES:
        png = render_icons.png_path(size).read_bytes()
        assert png.startswith(b"\x89PNG")
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (size, size)
    ico = (icons / "lianxi.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") == len(
        render_icons.PNG_SIZES
    )
    assert (icons / "lianxi.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_the_desktop_entry_is_valid() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(DESKTOP_FILE)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "lianxi"  # /usr/bin/lianxi in the .deb
    assert section["Icon"] == "lianxi"  # hicolor/*/apps/lianxi.png in the .deb
    assert section["Name[zh_CN]"] == "联席"
    assert section["Terminal"] == "false"
    assert all(category for category in section["Categories"].rstrip(";").split(";"))


def test_the_windows_installer_keeps_the_users_data() -> None:
    # Inno Setup before 6.3 reads a script without a BOM in the ANSI code page: 联席 garbled.
    assert (INSTALLER / "lianxi.iss").read_bytes().startswith(b"\xef\xbb\xbf")
    assert re.search(r'MessagesFile: "compiler:Languages\\ChineseSimplified\.isl"', ISS)
    assert re.search(r"AppId=\{\{[0-9A-F-]{36}\}", ISS)
    for shipped in ("lianxi.exe", "lianxi-cli.exe"):
        assert f"{{app}}\\{shipped}" in ISS, shipped
    assert "SetupIconFile={#Root}\\resources\\icons\\lianxi.ico" in ISS
    sections = re.findall(r"^\[(\w+)\]", ISS, re.MULTILINE)
    assert "Icons" in sections and "UninstallDelete" in sections
    # The database lives in %LOCALAPPDATA%\LianXi (platformdirs): nothing may delete it.
    for line in ISS.splitlines():
        if line.startswith("Type:"):
            assert "{app}" in line and "appdata" not in line.lower(), line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_check_glibc_reads_the_version_needs_readelf_reads() -> None:
    binary = Path(sys.executable).resolve()
    versions = {name for _, name in check_glibc.needed_versions(binary)}
    assert any(name.startswith("GLIBC_2.") for name in versions)
    readelf = shutil.which("readelf")
    if readelf:
        text = subprocess.run(
            [readelf, "-V", "--wide", str(binary)], capture_output=True, text=True, check=True
        ).stdout
        needs = text.split("Version needs section", 1)[1] if "Version needs" in text else ""
        assert versions == set(re.findall(r"Name: (\S+)", needs))
    needed = check_glibc.glibc_needed(binary)
    assert needed is not None and needed >= (2, 2)


def system_library(soname: str) -> Path | None:
    for folder in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"):
        if (Path(folder) / soname).is_file():
            return Path(folder) / soname
    return None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_libraries_only_a_left_out_plugin_needed_are_left_out_too() -> None:
    cairo, pixman = system_library("libcairo.so.2"), system_library("libpixman-1.so.0")
    if cairo is None or pixman is None:
        pytest.skip("cairo is not installed here")
    plugins = qt_dir() / "plugins"
    gtk_theme = (
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        str(plugins / "platformthemes" / "libqgtk3.so"),
        "BINARY",
    )
    xcb = (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        str(plugins / "platforms" / "libqxcb.so"),
        "BINARY",
    )
    assert not bundle_rules.keep(gtk_theme[0]) and bundle_rules.keep(xcb[0])
    kept = [
        xcb,
        ("libcairo.so.2", str(cairo), "BINARY"),
        ("libpixman-1.so.0", str(pixman), "BINARY"),
    ]
    assert bundle_rules.without_orphans(kept, [gtk_theme]) == [xcb]
    # A library a kept file still needs stays, whoever else needed it.
    assert bundle_rules.without_orphans(kept, []) == kept


# What `pip wheel .` needs of the repository (setup.py reads bundle_rules for the resources).
WHEEL_SOURCES = (
    "pyproject.toml",
    "setup.py",
    "README.md",
    "desktop",
    "resources",
    "docs",
    "installer",
)


def test_a_wheel_carries_every_resource_the_program_loads(tmp_path: Path) -> None:
    """`pip install .` (not -e) gives a program that finds its translations, icons and guide."""
    source = tmp_path / "source"
    source.mkdir()
    for name in WHEEL_SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, source / name)
    # No build isolation: setuptools comes from the test extra, so this takes seconds offline.
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip_wheel, str(source), "-w", str(tmp_path / "wheel")],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "wheel").glob("lianxi-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "desktop/resources/translations/lianxi_en.qm" in names
    assert "desktop/resources/docs/user-guide.md" in names
    for png in (ROOT / "resources" / "icons").glob("lianxi-*.png"):
        assert f"desktop/resources/icons/{png.name}" in names
    assert not any(name.endswith(".ts") for name in names)  # catalogue sources stay home
    assert "desktop/db/migrations/env.py" in names

    # Installed (unpacked where site-packages would hold it), resource_path finds them all.
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    calls = [parts for parts in resource_calls() if parts]
    probe = (
        "import sys, desktop.paths as p; "
        f"print(all(p.resource_path(*parts).exists() for parts in {calls!r}), "
        "p.resource_path('icons').parent.parent == p.Path(sys.argv[1]) / 'desktop')"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe, str(site)],
        env={**os.environ, "PYTHONPATH": str(site)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.split() == ["True", "True"], shown.stderr
