"""Regenerate the README's pictures, docs/img/*.png: the network of the bundled article and of
Les Misérables, at a smaller size and in 96 colours so the files stay small.

Run from the repository root: ``python docs/make_pictures.py`` (needs ../shared/texts for the novel).
"""

import io
from pathlib import Path

from PIL import Image

import graphkit
from graphkit.views.figure import figure_png

HERE = Path(__file__).resolve().parent
NOVEL = HERE.parent.parent / "shared" / "texts" / "les_miserables_hugo_pg135.txt"


def small_png(fig, path: Path, width: int = 1000) -> None:
    image = Image.open(io.BytesIO(figure_png(fig))).convert("RGB")
    image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image.quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    (HERE / "img").mkdir(exist_ok=True)
    small_png(graphkit.analyze(HERE.parent / "data" / "her.txt").plot(), HERE / "img" / "her-network.png")
    novel = graphkit.analyze(NOVEL)
    small_png(novel.plot(), HERE / "img" / "les-miserables-network.png")
    small_png(novel.plot_timeline(), HERE / "img" / "les-miserables-timeline.png", width=1200)
