"""Which texts a corpus run reads: files, folders, globs and ``@list`` files.

:func:`expand_sources` turns what a user typed into a sorted list of
:class:`Text` (a path and the stem of its output folder) and a list of
:class:`Missing` (a source that named nothing, with the reason), so that a
typo in a list of 10,000 paths is one error row, not a failed run.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SUFFIXES", "MARKER", "Text", "Missing", "expand_sources", "unique_stems"]

#: File name endings a folder is searched for (recursively).
SUFFIXES = (".txt", ".html", ".htm", ".xml", ".fountain", ".dat")
#: The file a corpus output folder holds, so that no later run reads it as input.
MARKER = ".graphkit-corpus"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, order=True)
class Text:
    """One input text: its ``stem`` (the output folder's name) and its ``path``."""

    stem: str
    path: str


@dataclass(frozen=True, order=True)
class Missing:
    """A source that named no readable text, and why (one line)."""

    path: str
    reason: str


def _is_under(path: Path, folders: Sequence[Path]) -> bool:
    return any(path == f or f in path.parents for f in folders)


def _walk(folder: Path, excluded: Sequence[Path]) -> list[Path]:
    """Text files under ``folder``, skipping hidden entries and corpus output folders."""
    found = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        if MARKER in files or _is_under(here.resolve(), excluded):
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            here / f
            for f in sorted(files)
            if not f.startswith(".") and f.lower().endswith(SUFFIXES)
        ]
    return found


def _read_list(path: Path) -> tuple[list[str], list[Missing]]:
    """The entries of a list file (one path a line, ``#`` comments), relative to its folder."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc.__class__.__name__
        return [], [Missing(f"@{path}", f"cannot read list file: {reason}")]
    entries = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(str(path.parent / Path(line).expanduser()))
    return entries, []


def _expand_one(
    source: str, excluded: Sequence[Path], depth: int = 0
) -> tuple[list[Path], list[Missing]]:
    if source.startswith("@") and depth < 8:
        entries, missing = _read_list(Path(source[1:]).expanduser())
        paths: list[Path] = []
        for entry in entries:
            p, m = _expand_one(entry, excluded, depth + 1)
            paths += p
            missing += m
        return paths, missing
    p = Path(source).expanduser()
    if p.is_dir():
        return _walk(p, excluded), []
    if p.is_file():
        return ([] if _is_under(p.resolve(), excluded) else [p]), []
    if _GLOB_CHARS & set(source):
        matches = sorted(glob.glob(str(p), recursive=True))
        if not matches:
            return [], [Missing(source, "no file matches this pattern")]
        paths = []
        for m in matches:
            mp = Path(m)
            paths += (
                _walk(mp, excluded)
                if mp.is_dir()
                else []
                if _is_under(mp.resolve(), excluded)
                else [mp]
            )
        return paths, []
    return [], [Missing(source, "no such file or folder")]


def unique_stems(paths: Sequence[Path]) -> list[str]:
    """A distinct output-folder name per path: the file stem, plus parent folders when stems repeat.

    The name of a path depends only on the paths that share its stem, so
    adding unrelated texts to a corpus never renames an output folder.

    Examples
    --------
    >>> unique_stems([Path("a/Emma/novel.txt"), Path("a/Dora/novel.txt"), Path("b/her.txt")])
    ['novel--Emma', 'novel--Dora', 'her']
    >>> unique_stems([Path("x/tale.txt"), Path("x/tale.html")])
    ['tale--txt--x', 'tale--html--x']
    """
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(paths):
        groups.setdefault(p.stem, []).append(i)
    stems = [p.stem for p in paths]
    for stem, members in groups.items():
        if len(members) < 2:
            continue
        parents = [
            [x for x in reversed(paths[i].resolve().parent.parts) if x != os.sep] for i in members
        ]
        # Same folder, different suffixes: the suffix tells them apart, not the folders.
        folders = [str(paths[i].resolve().parent) for i in members]
        base = [
            f"{stem}--{paths[i].suffix.lstrip('.') or 'none'}" if folders.count(f) > 1 else stem
            for i, f in zip(members, folders)
        ]
        names = base
        for k in range(1, max(len(ps) for ps in parents) + 1):
            names = ["--".join([b, *ps[:k]]) for b, ps in zip(base, parents)]
            if len(set(names)) == len(names):
                break
        for n, i in zip(names, members):
            stems[i] = n
    return stems


def expand_sources(
    sources: str | os.PathLike | Iterable[str | os.PathLike],
    exclude: Iterable[str | os.PathLike] = (),
) -> tuple[list[Text], list[Missing]]:
    """The texts named by ``sources`` (sorted by stem) and the sources that named nothing.

    Parameters
    ----------
    sources : path, glob or ``@list`` file, or several
        A file is taken as it is; a folder is searched recursively for
        :data:`SUFFIXES` (hidden entries skipped); a pattern with ``*``, ``?``
        or ``[`` is a glob (``**`` for any depth); ``@list.txt`` names one
        source a line (relative to the list file; ``#`` starts a comment).
    exclude : paths
        Folders never read (the run's own output folder); a folder holding a
        :data:`MARKER` file (an earlier corpus output) is skipped too.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ("a.txt", "sub/b.html", "sub/notes.md"):
    ...     (d / name).parent.mkdir(exist_ok=True)
    ...     _ = (d / name).write_text("Ann met Bob.")
    >>> _ = (d / "list.txt").write_text("a.txt\\nmissing.txt\\n")
    >>> texts, missing = expand_sources([d / "sub", f"@{d / 'list.txt'}"])
    >>> [t.stem for t in texts], [m.reason for m in missing]
    (['a', 'b'], ['no such file or folder'])
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    excluded = [Path(e).resolve() for e in exclude]
    paths: list[Path] = []
    missing: list[Missing] = []
    for source in sources:
        p, m = _expand_one(os.fspath(source), excluded)
        paths += p
        missing += m
    seen: dict[Path, Path] = {}
    for p in paths:
        seen.setdefault(p.resolve(), p)
    unique = sorted(seen.values(), key=lambda p: str(p.resolve()))
    texts = [Text(stem, str(p)) for stem, p in zip(unique_stems(unique), unique)]
    return sorted(texts), sorted(set(missing))
