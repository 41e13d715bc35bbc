"""Build hook only (the project is described in pyproject.toml): a wheel carries the files the
program reads from the top-level resources/ folder (translations, icons, the user guide) as
desktop/resources, where desktop.paths.resource_path finds them in an installed program.

The list is the frozen build's (installer/bundle_rules.PROJECT_DATA), so `pip install .` and
`make dist` ship the same files.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "installer"))

from bundle_rules import PROJECT_DATA  # noqa: E402

RESOURCES = "resources"
# Sources of catalogues, not read by the program.
NOT_SHIPPED = ("*.ts",)


def resource_files() -> list[tuple[Path, Path]]:
    """(file in the repository, its path under desktop/resources) for every resource shipped."""
    pairs = []
    for source, dest in PROJECT_DATA:
        folder = Path(dest)
        if folder.parts[0] != RESOURCES:
            continue  # the migrations are package data of desktop.db already
        path = ROOT / source
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if any(file.match(pattern) for pattern in NOT_SHIPPED):
                continue
            inside = file.relative_to(path) if path.is_dir() else Path(file.name)
            pairs.append((file, Path(*folder.parts[1:], inside)))
    return pairs


class BuildWithResources(build_py):
    """build_py, then the resources into the build's desktop/resources (an editable install
    reads them where they are)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "desktop" / RESOURCES
        for source, inside in resource_files():
            (target / inside).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / inside)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        if self.editable_mode:
            return list(super().get_outputs(include_bytecode))
        target = Path(self.build_lib) / "desktop" / RESOURCES
        extra = [str(target / inside) for _source, inside in resource_files()]
        return [*super().get_outputs(include_bytecode), *extra]


setup(cmdclass={"build_py": BuildWithResources})
