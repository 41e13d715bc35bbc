"""Render resources/icons/lianxi.svg to the PNG sizes of the hicolor theme and a Windows .ico.

Run after editing the SVG (`python installer/render_icons.py`); the outputs are committed so the
program and the installers never need to render at run time. Uses Qt's SVG renderer, offline.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "lianxi.svg"
# The sizes desktops look for in the hicolor theme; the .ico holds the same ones for Windows.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"lianxi-{size}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    images: dict[int, QImage] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        images[size] = image
    for size in PNG_SIZES:
        if not images[size].save(str(png_path(size)), "PNG"):
            print(f"cannot write {png_path(size)}", file=sys.stderr)
            return 1
    # Qt's ico plugin writes one image per file; Windows wants every size in one .ico, so the
    # container is written here: a directory of entries, each a PNG (valid since Windows Vista).
    entries = [(size, png_path(size).read_bytes()) for size in PNG_SIZES]
    (ICONS / "lianxi.ico").write_bytes(_ico(entries))
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs and lianxi.ico to {ICONS}")
    return 0


def _ico(entries: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory = b""
    for size, png in entries:
        # Width and height 0 mean 256 in the ICO directory.
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + directory + b"".join(png for _, png in entries)


if __name__ == "__main__":
    sys.exit(main())
