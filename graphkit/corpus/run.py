"""``analyze_corpus``: many texts, one output folder, any engine.

The client expands the sources, hashes each input and skips the texts whose
folder is current (:mod:`~graphkit.corpus.manifest`); the rest go to the
engine as plain-dict tasks for :func:`~graphkit.corpus.job.run_text`.  The
corpus tables are written at the end from the rows of every text done now or
before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit.corpus.engines import make_engine
from graphkit.corpus.job import run_text, write_text_folder
from graphkit.corpus.manifest import fingerprint, input_hashes, is_current
from graphkit.corpus.sources import MARKER, expand_sources
from graphkit.errors import OptionError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["analyze_corpus", "CorpusResult", "ANALYZE_OPTIONS", "DEFAULT_MAX_BYTES"]

#: The options of :func:`graphkit.analyze` a corpus run passes on (plain values only).
ANALYZE_OPTIONS = ("cast", "window", "encoding", "min_mentions", "input_format", "interaction",
                   "until", "rules", "ner", "spacy_model", "signed", "quotes")  # fmt: skip
#: Texts larger than this are error rows (``max_bytes=None`` for no limit).
DEFAULT_MAX_BYTES = 64_000_000


@dataclass
class CorpusResult:
    """What :func:`analyze_corpus` did.

    Attributes
    ----------
    rows : pandas.DataFrame
        ``corpus.csv``: one row per text analysed (now or by an earlier run).
    errors : pandas.DataFrame
        ``errors.csv``: stem, path and one-line reason of every text that failed.
    out : Path
        The output folder; ``paths`` maps each corpus file's name to its path.
    done, skipped : int
        Texts analysed by this run, and texts whose outputs were already current.
    """

    rows: pd.DataFrame
    errors: pd.DataFrame
    out: Path
    paths: dict[str, Path] = field(default_factory=dict)
    done: int = 0
    skipped: int = 0
    seconds: float = 0.0
    timings: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @property
    def failed(self) -> int:
        """How many texts failed."""
        return len(self.errors)

    def text_folder(self, stem: str) -> Path:
        """The output folder of one text."""
        return self.out / "texts" / stem


def _options(analyze_options: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(analyze_options) - set(ANALYZE_OPTIONS))
    if unknown:
        raise OptionError(f"unknown option(s) for analyze_corpus: {', '.join(unknown)}")
    options = {k: v for k, v in analyze_options.items() if v is not None or k == "cast"}
    for flag in ("signed", "quotes"):  # only a run that sets one records it (old runs stay current)
        if options.pop(flag, False):
            options[flag] = True
    for key in ("cast", "rules"):
        value = options.get(key)
        if value is not None and value is not False and value is not True:
            if not isinstance(value, (str, os.PathLike)):
                raise OptionError(
                    f"{key} must be a file path in a corpus run (tasks are plain data)"
                )
            options[key] = str(Path(value).resolve())
    if options.get("ner", "rules") not in ("rules", "spacy"):
        raise OptionError("ner must be 'rules' or 'spacy' in a corpus run")
    if "window" in options:
        from graphkit.pipeline.interactions import parse_window

        parse_window(options["window"])  # a bad window fails before any work is done
    if options.get("rules"):
        from graphkit.io.rules import load_rules

        load_rules(options["rules"])
    return options


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _clean_stale(texts_dir: Path) -> None:
    """Remove hidden temporary folders a killed run left behind."""
    if not texts_dir.is_dir():
        return
    for p in texts_dir.iterdir():
        if p.name.startswith(".") and (".tmp-" in p.name or ".old-" in p.name):
            shutil.rmtree(p, ignore_errors=True)


def _gather_inputs(task: dict[str, Any]) -> None:
    """Put the text's bytes (and its cast and rules files') into the task for a worker afar."""
    from graphkit.corpus.manifest import _cast_path

    task["data"] = Path(task["path"]).read_bytes()
    options = task["options"]
    for key, file in (("cast", _cast_path(Path(task["path"]), options.get("cast"))),
                      ("rules", options.get("rules"))):  # fmt: skip
        if file:
            task[f"{key}_data"] = Path(file).read_bytes()
            task[f"{key}_name"] = str(file)


def _import_in_background() -> None:
    """Import pandas (for the corpus tables) in a thread while the workers analyse.

    The client waits on its workers for most of a parallel run; importing pandas
    then, rather than after the last text, takes about 0.3 s off the end of the
    run, when every worker is idle.
    """
    import threading

    def work() -> None:
        with contextlib.suppress(ImportError):
            import pandas  # noqa: F401

    threading.Thread(target=work, name="graphkit-import", daemon=True).start()


def _progress(total: int, quiet: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="text", file=sys.stderr, dynamic_ncols=True, leave=False,
                disable=quiet or not sys.stderr.isatty())  # fmt: skip


def analyze_corpus(
    sources: str | os.PathLike | Iterable[str | os.PathLike],
    out: str | os.PathLike | None = None,
    jobs: int | None = None,
    engine: str = "local",
    client: Any = None,
    *,
    scheduler: str | None = None,
    gather: bool = False,
    force: bool = False,
    pictures: bool = True,
    merge: bool = False,
    quiet: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    **analyze_options: Any,
) -> CorpusResult:
    """Analyse every text of a corpus into ``out/texts/<stem>/`` and write the corpus tables.

    Parameters
    ----------
    sources : path, glob or ``@list`` file, or several
        See :func:`graphkit.corpus.sources.expand_sources`.
    out : path, optional
        The output folder (default ``out/corpus``); never read as input.
    jobs : int, optional
        Texts at once (default: all cores); ``jobs=1`` runs in this process.
    engine : "local" or "dask"
        A process pool here, or a Dask distributed cluster: ``client``, or
        one at ``scheduler`` (``tcp://host:port``), or a new LocalCluster.
    gather : bool
        Workers return the files and this process writes them (for clusters
        that share no file system with it; the texts are sent to them).
    force : bool
        Redo texts whose outputs are current.
    pictures : bool
        Write the PNGs of each text (the slowest part of a small text).
    merge : bool
        Also write one graph of all texts into ``out/merged/``.
    quiet : bool
        No progress bar (there is none anyway when stderr is not a terminal).
    max_bytes : int or None
        Larger texts are error rows.
    **analyze_options
        ``cast``, ``window``, ``min_mentions``, ... as for :func:`graphkit.analyze`.

    Examples
    --------
    >>> import graphkit, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Ann met Bob. Bob met Cy.")
    >>> _ = (d / "b.txt").write_text("Dora saw Ed.")
    >>> r = graphkit.analyze_corpus(d, d / "out", jobs=1, pictures=False)
    >>> r.rows[["stem", "characters", "links"]].values.tolist()
    [['a', 3, 2], ['b', 2, 1]]
    >>> graphkit.analyze_corpus(d, d / "out", jobs=1, pictures=False).skipped
    2
    """
    import time

    started = time.perf_counter()
    options = _options(analyze_options)
    out = Path(out if out is not None else Path("out") / "corpus")
    texts, missing = expand_sources(sources, exclude=[out])
    from graphkit.errors import GraphkitError

    if not texts and not missing:
        raise GraphkitError("no texts found in the sources given")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).touch()
    texts_dir = out / "texts"
    _clean_stale(texts_dir)

    settings = {**options, "pictures": bool(pictures)}
    stack = contextlib.ExitStack()  # closes the engine however the run ends

    def new_engine() -> Any:
        return stack.enter_context(
            make_engine(engine, jobs=jobs, client=client, scheduler=scheduler)
        )

    runner = None
    if texts and (force or not texts_dir.is_dir()):
        # A fresh run: start the workers now, so they import graphkit while this
        # process hashes the inputs (a resumed run may need no worker at all).
        from functools import partial

        from graphkit.corpus.job import warm_up

        runner = new_engine()
        runner.prestart(partial(warm_up, bool(pictures)))
    rows: dict[str, dict] = {}
    characters: dict[str, list] = {}
    errors = [{"stem": "", "path": m.path, "reason": m.reason} for m in missing]
    timings: list[dict[str, Any]] = []
    tasks = []
    try:
        for text in texts:
            fp = fingerprint(input_hashes(text.path, options), settings)
            current = None if force else is_current(texts_dir / text.stem, fp)
            if current is not None:
                rows[text.stem] = current["row"]
                characters[text.stem] = current.get("characters", [])
                timings.append({"stem": text.stem, "status": "skipped"})
                continue
            task = {"path": text.path, "stem": text.stem, "texts_dir": str(texts_dir),
                    "options": options, "pictures": bool(pictures), "fingerprint": fp,
                    "max_bytes": max_bytes, "gather": bool(gather)}  # fmt: skip
            if gather:
                try:
                    _gather_inputs(task)
                except OSError as exc:
                    from graphkit.corpus.job import one_line

                    errors.append({"stem": text.stem, "path": text.path, "reason": one_line(exc)})
                    continue
            tasks.append(task)
    except BaseException:  # an interrupt while hashing: no worker left behind
        stack.close()
        raise

    # Largest texts first: the last text to finish is then a short one, so no worker
    # idles while another chews through a novel at the end of the run.
    tasks.sort(key=lambda t: (-_size(t["path"]), t["stem"]))
    done = 0
    if tasks:
        runner = runner or new_engine()
        if runner.workers > 1:
            _import_in_background()
        with stack, _progress(len(tasks), quiet) as bar:
            for result in runner.map_unordered(run_text, tasks):
                bar.update(1)
                timings.append({k: result.get(k) for k in ("stem", "status", "seconds",
                                                           "pipeline_seconds", "peak_rss_mb")})  # fmt: skip
                if result["status"] != "ok":
                    errors.append({k: result[k] for k in ("stem", "path", "reason")})
                    continue
                if "files" in result:
                    write_text_folder(texts_dir, result["stem"], result["files"])
                rows[result["stem"]] = result["row"]
                characters[result["stem"]] = result["characters"]
                done += 1
    stack.close()
    from graphkit.corpus.tables import corpus_frame, write_tables

    chars = [c for stem in sorted(characters) for c in characters[stem]]
    paths = write_tables(out, list(rows.values()), chars, errors, timings, picture=pictures)
    if merge and rows:
        paths.update(_write_merged(out, sorted(rows)))
    import pandas as pd

    from graphkit.corpus.tables import ERROR_COLUMNS

    err = pd.DataFrame(errors, columns=list(ERROR_COLUMNS))
    if len(err):
        err = err.sort_values(["stem", "path"], kind="mergesort").reset_index(drop=True)
    skipped = sum(1 for t in timings if t["status"] == "skipped")
    return CorpusResult(rows=corpus_frame(list(rows.values())), errors=err, out=out, paths=paths,
                        done=done, skipped=skipped, seconds=time.perf_counter() - started,
                        timings=timings)  # fmt: skip


def _write_merged(out: Path, stems: list[str]) -> dict[str, Path]:
    """One graph of every text (see :func:`graphkit.merge.merge_graphs`) in ``out/merged/``."""
    from graphkit.exporters import read_graph, render, write_files
    from graphkit.graph.merge import merge_graphs

    graphs = [read_graph(out / "texts" / stem / "graph.json") for stem in stems]
    merged = merge_graphs(graphs, names=stems)
    files = {out / "merged" / f"graph.{fmt}": render(merged, fmt) for fmt in ("graphml", "json")}
    files[out / "merged" / "nodes.csv"] = render(merged, "nodes")
    files[out / "merged" / "edges.csv"] = render(merged, "edges")
    return {f"merged/{p.name}": p for p in write_files(files)}
