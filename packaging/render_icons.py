"""Render resources/icons/supportdesk.svg to the PNG sizes and the Windows .ico (run by hand).

The outputs are committed, so a build needs neither Pillow nor this script; run it again after
changing the SVG: `python packaging/render_icons.py`. Qt's own SVG renderer draws the PNGs (the
same one the app uses), offscreen; Pillow only packs the PNGs into one multi-size .ico."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "supportdesk.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)  # the freedesktop hicolor sizes, 16 to 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows asks for in lists, tiles and Explorer


def png_path(size: int) -> Path:
    return ICONS / "png" / f"supportdesk-{size}.png"


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 — keeps Qt up
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written.append(path)
    return written


def build_ico() -> Path:
    from PIL import Image

    images = [Image.open(png_path(size)).convert("RGBA") for size in ICO_SIZES]
    target = ICONS / "supportdesk.ico"
    # append_images: each size is our own rendering, not Pillow's downscale of the 256 px one.
    images[-1].save(
        target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1]
    )
    return target


if __name__ == "__main__":
    for path in [*render_pngs(), build_ico()]:
        print(path.relative_to(ICONS.parents[1]))
