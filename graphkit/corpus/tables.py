"""The corpus tables and picture: ``corpus.csv``, ``characters.csv``, ``errors.csv``, ``corpus.png``.

Rows are sorted by stem and hold no timings, so the files are byte-identical
whatever engine or number of jobs made them; how long each text took goes to
``timings.csv`` (not part of that promise).
"""

from __future__ import annotations

import importlib.util
import io
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit.corpus.job import CHARACTER_COLUMNS, ROW_COLUMNS

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["corpus_frame", "write_tables", "draw_corpus", "ERROR_COLUMNS", "TIMING_COLUMNS"]

ERROR_COLUMNS = ("stem", "path", "reason")
TIMING_COLUMNS = ("stem", "status", "seconds", "pipeline_seconds", "peak_rss_mb")
#: Texts beyond this many get no label in ``corpus.png``.
MAX_LABELS = 50


def _frame(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], key: Sequence[str]
) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))
    if len(df):
        df = df.sort_values(list(key), kind="mergesort").reset_index(drop=True)
    return df


def corpus_frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The corpus table: one row per text (:data:`~graphkit.corpus.job.ROW_COLUMNS`), sorted by stem.

    Examples
    --------
    >>> corpus_frame([{"stem": "b", "words": 2}, {"stem": "a", "words": 1}])[["stem", "words"]].values.tolist()
    [['a', 1], ['b', 2]]
    """
    return _frame(rows, ROW_COLUMNS, ["stem"])


def _csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _parquet(df: pd.DataFrame) -> bytes | None:
    if importlib.util.find_spec("pyarrow") is None:
        return None
    buf = io.BytesIO()
    df.to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()


def draw_corpus(df: pd.DataFrame, title: str = "corpus") -> Figure:
    """Characters against words per text (log words), and the distribution of densities.

    Examples
    --------
    >>> fig = draw_corpus(corpus_frame([{"stem": "a", "title": "A", "words": 10, "characters": 2,
    ...                                  "density": 1.0}]))
    >>> len(fig.axes)
    2
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(13, 6), dpi=100, layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[3, 2])
    fig.suptitle(f"{title}: {len(df)} texts", fontsize=14)
    if df.empty:
        for ax in (left, right):
            ax.text(0.5, 0.5, "No texts", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        return fig
    words = df["words"].clip(lower=1).astype(float)
    left.scatter(words, df["characters"], s=28, color="#4c72b0", alpha=0.8, zorder=2)
    left.set_xscale("log")
    left.set_xlabel("words (log scale)")
    left.set_ylabel("characters (nodes)")
    left.set_title("Characters against length", fontsize=11)
    left.grid(True, alpha=0.3)
    if len(df) <= MAX_LABELS:
        for x, y, label in zip(words, df["characters"], df["title"].fillna(df["stem"])):
            label = str(label)
            left.annotate(label if len(label) <= 28 else label[:27] + "…", (x, y), fontsize=7.5,
                          xytext=(4, 3), textcoords="offset points")  # fmt: skip
    right.hist(df["density"].astype(float), bins=20, range=(0.0, 1.0), color="#dd8452")
    right.set_xlabel("density")
    right.set_ylabel("texts")
    right.set_title("Density of the character networks", fontsize=11)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    return fig


def write_tables(
    out: str | os.PathLike,
    rows: Sequence[Mapping[str, Any]],
    characters: Sequence[Mapping[str, Any]],
    errors: Sequence[Mapping[str, Any]],
    timings: Sequence[Mapping[str, Any]],
    picture: bool = True,
) -> dict[str, Path]:
    """Write the corpus files into ``out`` (all or nothing) and return ``{name: path}``.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> sorted(n for n in write_tables(d, [{"stem": "a"}], [], [], [], picture=False)
    ...        if n != "corpus.parquet")  # corpus.parquet too when pyarrow is installed
    ['characters.csv', 'corpus.csv', 'errors.csv', 'timings.csv']
    """
    from graphkit.exporters import write_files

    out = Path(out)
    df = corpus_frame(rows)
    files: dict[str, bytes] = {
        "corpus.csv": _csv(df),
        "characters.csv": _csv(_frame(characters, CHARACTER_COLUMNS, ["text"])),
        "errors.csv": _csv(_frame(errors, ERROR_COLUMNS, ["stem", "path"])),
        "timings.csv": _csv(_frame(timings, TIMING_COLUMNS, ["stem"])),
    }
    parquet = _parquet(df)
    if parquet is not None:
        files["corpus.parquet"] = parquet
    if picture:
        from graphkit.views.figure import figure_png

        files["corpus.png"] = figure_png(draw_corpus(df))
    written = write_files({out / name: data for name, data in files.items()})
    return {p.name: p for p in written}
