"""Figures to bytes, and inline display in Jupyter, without pyplot (no global state, Agg canvas)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["figure_png", "show_inline"]


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
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
