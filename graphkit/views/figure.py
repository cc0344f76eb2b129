"""Figures to bytes, and inline display in Jupyter, without pyplot (no global state, Agg canvas)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["PICTURE_FORMATS", "picture_format", "figure_png", "figure_bytes", "show_inline"]

#: Picture formats by file suffix, with the metadata that would make bytes differ run to run.
PICTURE_FORMATS = {
    ".png": {"Software": None},
    ".svg": {"Date": None, "Creator": None},
    ".pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}


def show_inline() -> None:
    """In IPython/Jupyter, display returned Figures as PNG (no pyplot needed).

    graphkit builds figures without pyplot (no global state), so the inline
    backend's hook is not installed; this registers a PNG formatter for
    :class:`~matplotlib.figure.Figure` with the running shell.  Elsewhere it
    does nothing.
    """
    import sys

    if "IPython" not in sys.modules:
        return
    from IPython import get_ipython
    from matplotlib.figure import Figure

    shell = get_ipython()
    if shell is None:
        return
    shell.display_formatter.formatters["image/png"].for_type(Figure, figure_png)


def figure_png(fig: Figure) -> bytes:
    """Render ``fig`` as PNG bytes with the Agg canvas (no timestamp in the file)."""
    return figure_bytes(fig, ".png")


def picture_format(suffix: str) -> str:
    """The picture format of a file suffix (``".SVG"`` -> ``".svg"``), or one error line.

    Examples
    --------
    >>> picture_format(".PNG")
    '.png'
    """
    from graphkit.errors import OutputError

    fmt = suffix.lower()
    if fmt not in PICTURE_FORMATS:
        raise OutputError(
            f"cannot draw a {suffix or 'file without suffix'}: use .png, .svg or .pdf"
        )
    return fmt


def figure_bytes(fig: Figure, suffix: str) -> bytes:
    """Render ``fig`` in the format its file ``suffix`` names (``.png``, ``.svg``, ``.pdf``).

    No dates or versions go into the file, so the same figure gives the same bytes.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure_bytes(Figure(), ".svg")[:5], figure_bytes(Figure(), ".pdf")[:5]
    (b'<?xml', b'%PDF-')
    """
    import io

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fmt = picture_format(suffix)

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    # SVG ids are random unless salted: a fixed salt keeps the file the same run to run.
    with matplotlib.rc_context({"svg.hashsalt": "graphkit"}):
        fig.savefig(buf, format=fmt[1:], metadata=PICTURE_FORMATS[fmt])
    return buf.getvalue()
