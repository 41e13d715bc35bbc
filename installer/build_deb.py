"""Package a frozen build (dist/lianxi) as a .deb: /opt/lianxi, /usr/bin/lianxi, menu entry, icons.

    python installer/build_deb.py dist/lianxi --out dist

The package has no maintainer scripts (dpkg's own triggers refresh the menu and icon caches) and
changes nothing outside its files. Depends lists the Debian packages of the libraries the bundle
leaves to the system, found on this machine (dpkg -S), plus glibc at the version the bundle
needs and the Chinese fonts the printouts and the window use: build on the oldest system you
ship to, so both the names and the versions fit it (docs/installing.md).
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_glibc import dotted, elf_files, scan

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
DESKTOP_FILE = Path(__file__).resolve().parent / "linux" / "lianxi.desktop"
PACKAGE = "lianxi"
# Chinese fonts: one of the Song/Hei families for the window and the body text, and a Kai.
FONT_DEPENDS = ("fonts-wqy-zenhei | fonts-arphic-uming | fonts-noto-cjk",)
FONT_RECOMMENDS = ("fonts-arphic-ukai", "fonts-arphic-uming")
# How `ldconfig -p` tags the native architecture's libraries.
LDCONFIG_ARCH = {"x86_64": "x86-64", "aarch64": "AArch64"}


def version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    assert found, "desktop/__init__.py names no __version__"
    return found.group(1)


def system_libraries(bundle: Path) -> set[str]:
    """Sonames the bundle's files load that it does not carry itself."""
    carried = {p.name for p in bundle.rglob("*.so*")}
    wanted: set[str] = set()
    for path in elf_files(bundle):
        result = subprocess.run(
            ["readelf", "-d", "--wide", str(path)], capture_output=True, text=True, check=False
        )
        wanted.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", result.stdout))
    return {name for name in wanted - carried if not name.startswith(("ld-linux", "linux-vdso"))}


def packages_of(sonames: set[str]) -> tuple[set[str], set[str]]:
    """Debian packages holding these libraries here, and the sonames no package holds."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    native = LDCONFIG_ARCH.get(platform.machine(), "")
    paths: dict[str, str] = {}
    for line in cache.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and match.group(1) in sonames and native in match.group(2):
            paths.setdefault(match.group(1), match.group(3))
    # Debian's merged /usr: dpkg may have recorded a library under /lib or under /usr/lib.
    candidates = sorted(
        {
            f"{prefix}{path.removeprefix('/usr')}"
            for path in paths.values()
            for prefix in ("", "/usr")
        }
    )
    found = subprocess.run(["dpkg", "-S", *candidates], capture_output=True, text=True, check=False)
    owners = found.stdout if candidates else ""
    packages: set[str] = set()
    owned: set[str] = set()
    for line in owners.splitlines():
        names, _, path = line.partition(": ")
        packages.update(name.split(":")[0].strip() for name in names.split(","))
        owned.add(Path(path.strip()).name)
    return packages, sonames - owned


def build(bundle: Path, out: Path) -> Path:
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    highest = max((v for v in scan(bundle).values() if v is not None), default=None)
    packages, unknown = packages_of(system_libraries(bundle))
    packages.discard("libc6")
    depends = [f"libc6 (>= {dotted(highest)})" if highest else "libc6"]
    depends += sorted(packages) + list(FONT_DEPENDS)
    if unknown:
        print(f"deb: no package here provides {', '.join(sorted(unknown))}; not in Depends")
    with tempfile.TemporaryDirectory(prefix="lianxi-deb-") as tmp:
        stage = Path(tmp) / PACKAGE
        shutil.copytree(bundle, stage / "opt" / PACKAGE, symlinks=True)
        (stage / "usr" / "bin").mkdir(parents=True)
        (stage / "usr" / "bin" / "lianxi").symlink_to(f"/opt/{PACKAGE}/lianxi")
        applications = stage / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        shutil.copy2(DESKTOP_FILE, applications / "lianxi.desktop")
        if shutil.which("desktop-file-validate"):
            subprocess.run(
                ["desktop-file-validate", str(applications / "lianxi.desktop")], check=True
            )
        hicolor = stage / "usr" / "share" / "icons" / "hicolor"
        for png in ICONS.glob("lianxi-*.png"):
            size = png.stem.split("-")[1]
            target = hicolor / f"{size}x{size}" / "apps"
            target.mkdir(parents=True)
            shutil.copy2(png, target / "lianxi.png")
        (hicolor / "scalable" / "apps").mkdir(parents=True)
        shutil.copy2(ICONS / "lianxi.svg", hicolor / "scalable" / "apps" / "lianxi.svg")
        size_kb = (
            sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
            // 1024
        )
        control = stage / "DEBIAN" / "control"
        control.parent.mkdir()
        control.write_text(
            f"Package: {PACKAGE}\n"
            f"Version: {version()}\n"
            f"Architecture: {arch}\n"
            "Maintainer: LianXi maintainers <lianxi@localhost>\n"
            f"Installed-Size: {size_kb}\n"
            f"Depends: {', '.join(depends)}\n"
            f"Recommends: {', '.join(FONT_RECOMMENDS)}\n"
            "Section: misc\n"
            "Priority: optional\n"
            "Description: 联席 LianXi - government and trade-union joint meetings\n"
            " Topics, meetings, agreed items, supervision and yearly assessment for the\n"
            " trade-union offices of a county, with official documents in GB/T 9704\n"
            " format and signed exchange packages between offices. User data stays in\n"
            " each user's data folder and survives upgrades and removal.\n",
            encoding="utf-8",
        )
        out.mkdir(parents=True, exist_ok=True)
        deb = out / f"{PACKAGE}_{version()}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(f"deb: {deb} ({deb.stat().st_size / 1024 / 1024:.1f} MB)")
    print(f"deb: Depends: {', '.join(depends)}")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the PyInstaller folder, e.g. dist/lianxi")
    parser.add_argument("--out", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    build(args.bundle, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
