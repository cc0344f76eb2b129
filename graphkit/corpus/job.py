"""The per-text job of a corpus run: one pure function, whatever engine runs it.

:func:`run_text` takes a plain-dict task (path, stem, output folder, options)
and returns a plain-dict row; it never raises for a bad text (the row then
says ``status="error"`` with a one-line ``reason``).  Outputs go to a hidden
temporary folder beside ``DIR/texts/<stem>/`` and are renamed into place only
when complete, so an interrupted run leaves only whole folders.  With
``gather`` the job writes nothing and returns the files' bytes instead (for
clusters whose workers share no file system with the client), and reads the
text from the bytes the client sent.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "ROW_COLUMNS",
    "CHARACTER_COLUMNS",
    "run_text",
    "write_text_folder",
    "one_line",
    "warm_up",
]

#: The columns of ``corpus.csv``, in order.
ROW_COLUMNS = (
    "stem", "path", "title", "words", "characters", "links", "relations", "components",
    "density", "average_clustering", "diameter", "top_characters", "main_character", "main_share",
)  # fmt: skip
#: The columns of ``characters.csv``.
CHARACTER_COLUMNS = ("text", "id", "kind", "mentions", "degree", "pagerank")
_TITLE = re.compile(r"^[ \t]*Title:[ \t]*(\S[^\n]*?)[ \t]*$", re.MULTILINE)


def one_line(exc: BaseException) -> str:
    """A one-line reason for ``exc``: its message, or its class and first line.

    Examples
    --------
    >>> one_line(ValueError("bad\\nthing"))
    'ValueError: bad'
    >>> from graphkit.errors import InputError
    >>> one_line(InputError("t.txt: file is empty"))
    't.txt: file is empty'
    """
    from graphkit.errors import GraphkitError

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    elif not isinstance(exc, GraphkitError):
        text = f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__
    return text[:300]


def _title(text: str, fallback: str) -> str:
    """The ``Title:`` line of a Project Gutenberg header (first 20,000 characters), or ``fallback``."""
    m = _TITLE.search(text, 0, 20_000)
    return m.group(1) if m else fallback


def _words(text: str) -> int:
    return len(text.split())


def corpus_row(analysis: Any, path: str, stem: str) -> tuple[dict, list[dict]]:
    """The corpus row and the character rows of one analysis (plain Python values)."""
    s = analysis.summary.iloc[0]
    m = analysis.metrics
    top = [str(x) for x in m["id"].head(3)]
    mentions = {c.id: c.mentions for c in analysis.character_list}
    total = sum(mentions.values())
    main = min(mentions, key=lambda k: (-mentions[k], k)) if mentions else ""
    row = {
        "stem": stem,
        "path": path,
        "title": _title(analysis.document.text, analysis.name),
        "words": _words(analysis.document.text),
        "characters": int(s["nodes"]),
        "links": int(s["edges"]),
        "relations": len(analysis.relations),
        "components": int(s["components"]),
        "density": float(s["density"]),
        "average_clustering": float(s["average_clustering"]),
        "diameter": int(s["diameter"]),
        "top_characters": ";".join(top),
        "main_character": main,
        "main_share": round(mentions[main] / total, 6) if total else 0.0,
    }
    characters = [
        {"text": stem, "id": str(r.id), "kind": str(r.kind), "mentions": int(r.mentions),
         "degree": int(r.degree), "pagerank": float(r.pagerank)}
        for r in m.itertuples()
    ]  # fmt: skip
    return row, characters


def write_text_folder(texts_dir: str | os.PathLike, stem: str, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` as ``texts_dir/stem/``, all or nothing: a hidden folder beside, then renames.

    An older folder of the same name is replaced; if the process dies between
    the two renames the folder is missing (and redone next run), never partial.

    Examples
    --------
    >>> d = Path(tempfile.mkdtemp())
    >>> write_text_folder(d, "tale", {"a.csv": b"x\\n"}).name, sorted(os.listdir(d))
    ('tale', ['tale'])
    """
    texts_dir = Path(texts_dir)
    texts_dir.mkdir(parents=True, exist_ok=True)
    final = texts_dir / stem
    tmp = Path(tempfile.mkdtemp(dir=texts_dir, prefix=f".{stem}.tmp-"))
    try:
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o777 & ~mask)
        if final.exists():
            old = texts_dir / f".{stem}.old-{uuid.uuid4().hex[:8]}"
            os.rename(final, old)
            os.rename(tmp, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def _analyze(path: str, task: Mapping[str, Any]) -> Any:
    from graphkit.analysis import analyze
    from graphkit.errors import InputError

    if not os.path.isfile(path):
        raise InputError(
            f"{path}: no such file" if not os.path.exists(path) else f"{path}: not a file"
        )
    size = os.stat(path).st_size
    limit = task.get("max_bytes")
    if limit and size > limit:
        raise InputError(f"{path}: {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit")
    return analyze(path, **task.get("options", {}))


def _staged(task: Mapping[str, Any], folder: Path) -> tuple[str, dict]:
    """Write the text (and its cast and rules files) the client sent into ``folder``."""
    options = dict(task.get("options", {}))
    path = folder / Path(task["path"]).name
    path.write_bytes(task["data"])
    for key in ("cast", "rules"):
        if f"{key}_data" in task:
            p = folder / f"{key}-{Path(task[f'{key}_name']).name}"
            p.write_bytes(task[f"{key}_data"])
            options[key] = str(p)
    return str(path), options


def warm_up(pictures: bool = True) -> None:
    """Import what :func:`run_text` will need by analysing a two-sentence text in memory.

    A worker does this once, as it starts, while the client still hashes its
    inputs: the imports (pandas, networkx, igraph, matplotlib) then cost the
    first real text nothing.

    Examples
    --------
    >>> warm_up(pictures=False)
    """
    from graphkit.analysis import analyze_text

    a = analyze_text("Ann met Bob. Bob met Cy.", name="warm-up")
    a.files(pictures=pictures)


def run_text(task: Mapping[str, Any]) -> dict[str, Any]:
    """Analyse one text and write (or return) its output folder; never raises for a bad text.

    Parameters
    ----------
    task : dict
        ``path``, ``stem``, ``texts_dir`` (where ``<stem>/`` goes), ``options``
        (keyword arguments of :func:`graphkit.analyze`), ``pictures`` (bool),
        ``fingerprint`` (see :mod:`graphkit.corpus.manifest`), ``max_bytes``;
        with ``gather=True`` also ``data`` (the text's bytes).

    Returns
    -------
    dict
        ``status`` (``"ok"`` or ``"error"``), ``stem``, ``path``, ``seconds``,
        ``pipeline_seconds`` and ``row`` and ``characters`` (ok) or ``reason``
        (error); with ``gather`` also ``files`` (name -> bytes).

    Examples
    --------
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "tale.txt").write_text("Ann met Bob. Bob met Cy.")
    >>> r = run_text({"path": str(d / "tale.txt"), "stem": "tale", "texts_dir": str(d / "out"),
    ...               "options": {"cast": False}, "pictures": False})
    >>> r["status"], r["row"]["characters"], r["row"]["top_characters"]
    ('ok', 3, 'Bob;Ann;Cy')
    >>> run_text({"path": str(d / "none.txt"), "stem": "none", "texts_dir": str(d / "out")})["reason"]
    '...none.txt: no such file'
    """
    start = time.perf_counter()
    path, stem = str(task["path"]), str(task["stem"])
    base = {"stem": stem, "path": path}
    staging = None
    try:
        local, options = path, None
        if task.get("gather") and "data" in task:
            staging = Path(tempfile.mkdtemp(prefix="graphkit-corpus-"))
            local, options = _staged(task, staging)
        t0 = time.perf_counter()
        analysis = _analyze(local, {**task, "options": options or task.get("options", {})})
        files = analysis.files(pictures=task.get("pictures", True))
        pipeline = time.perf_counter() - t0
        row, characters = corpus_row(analysis, path, stem)
        del analysis
        manifest = {
            **task.get("fingerprint", {}),
            "files": sorted(files),
            "row": row,
            "characters": characters,
        }
        from graphkit.corpus.manifest import MANIFEST

        files[MANIFEST] = (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode()
        result = {**base, "status": "ok", "row": row, "characters": characters}
        if task.get("gather"):
            result["files"] = files
        else:
            write_text_folder(task["texts_dir"], stem, files)
    except Exception as exc:  # a bad text is a row, never a failed run
        reason = one_line(exc)
        if staging is not None:
            reason = reason.replace(str(staging / Path(path).name), path)
        return {**base, "status": "error", "reason": reason,
                "seconds": time.perf_counter() - start}  # fmt: skip
    finally:
        if staging is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(staging)
    result["pipeline_seconds"] = pipeline
    result["seconds"] = time.perf_counter() - start
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def _peak_rss_mb() -> float | None:
    """The peak resident memory of this (worker) process so far, in MB (Linux, macOS)."""
    try:
        import resource
        import sys
    except ImportError:  # pragma: no cover - Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10), 1)
