"""Writing files all or nothing: every file goes to a temporary name, then is renamed into place.

A failure never leaves a half-written file, nor a folder this call created.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from graphkit.errors import OutputError

__all__ = ["write_atomic", "write_files"]


def _ensure_dir(folder: Path) -> list[Path]:
    """Create ``folder`` (and parents); return the folders created, outermost first."""
    created = []
    for parent in reversed([folder, *folder.parents]):
        if not parent.exists():
            created.append(parent)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create output folder: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise OutputError(f"{folder}: not a folder")
    return created


def write_files(files: Mapping[str | os.PathLike, bytes]) -> list[Path]:
    """Write several files all-or-nothing: every file goes to a temporary name first.

    Only when all are written are they renamed into place; on failure the
    temporary files, and any folder this call created, are removed and an
    :class:`~graphkit.errors.OutputError` names the problem.
    """
    created: list[Path] = []
    temps: list[tuple[Path, Path]] = []
    done = False
    try:
        for path, data in files.items():
            dest = Path(path)
            created += _ensure_dir(dest.parent)
            fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
            temps.append((Path(tmp), dest))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o666 & ~_umask())
        for tmp, dest in temps:
            os.replace(tmp, dest)
        done = True
    except OSError as exc:
        where = getattr(exc, "filename", None) or (temps[-1][1] if temps else "output")
        raise OutputError(f"{where}: cannot write: {exc.strerror or exc}") from None
    finally:
        if not done:
            for tmp, _ in temps:
                tmp.unlink(missing_ok=True)
            for folder in reversed(created):
                with contextlib.suppress(OSError):
                    folder.rmdir()
    return [Path(p) for p in files]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    return write_files({path: data})[0]
