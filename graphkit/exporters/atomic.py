"""Writing files all or nothing: every file goes to a temporary name, then is renamed into place.

A failure never leaves a half-written file, nor a folder this call created.
:func:`write_folder` goes further for a set of outputs (``analyze --out``): it
writes the whole set into a temporary folder beside the destination and
swaps that in, so a reader sees the old set or the new one, never a mix.
Temporary files and folders are removed on any exception, ``KeyboardInterrupt``
and ``SystemExit`` included (the CLI turns SIGINT and SIGTERM into those), and
SIGINT/SIGTERM are held back while the swap and the clean-up run.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from graphkit.errors import OutputError

__all__ = ["write_atomic", "write_files", "write_folder"]


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
    dest: Path | None = None  # the file being written: errors name it, not its temporary
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
        raise OutputError(f"{dest or 'output'}: cannot write: {exc.strerror or exc}") from None
    finally:
        if not done:
            with _signals_held():
                for tmp, _ in temps:
                    tmp.unlink(missing_ok=True)
                for folder in reversed(created):
                    with contextlib.suppress(OSError):
                        folder.rmdir()
    return [Path(p) for p in files]


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while a swap or a clean-up runs; deliver them after.

    Python runs signal handlers in the main thread whatever thread the signal
    hits, so the handlers are swapped for a recorder (a thread mask would not do).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for s in previous:
        signal.signal(s, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if caught:
            handler = previous[caught[0]]
            if callable(handler):
                handler(caught[0], None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(caught[0])


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


def _swappable(folder: Path) -> bool:
    """Whether ``folder`` can be replaced whole: absent, or a plain folder of plain files.

    A symbolic link, the working folder (or one holding it) and a folder with
    subfolders are written into file by file instead (:func:`write_files`).
    """
    if not folder.exists() and not folder.is_symlink():
        return True
    if folder.is_symlink() or not folder.is_dir():
        return False
    here = Path.cwd().resolve()
    if folder.resolve() == here or folder.resolve() in here.parents:
        return False
    return all(e.is_file(follow_symlinks=False) for e in os.scandir(folder))


def write_folder(folder: str | os.PathLike, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (``{file name: bytes}``) into ``folder``, the whole set at once.

    The set is written into a temporary folder beside ``folder``, files of
    ``folder`` that the set does not replace are linked in, and the temporary
    folder is swapped in with one exchange (or two renames where the system
    has no exchange).  On any failure or signal the temporary folder goes and
    ``folder`` is as it was.  A folder that cannot be swapped whole (see
    :func:`_swappable`) gets :func:`write_files`' file-by-file renames.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "out"
    >>> [p.name for p in write_folder(d, {"a.txt": b"1", "b.txt": b"2"})]
    ['a.txt', 'b.txt']
    >>> _ = write_folder(d, {"a.txt": b"3"}); sorted(p.name for p in d.iterdir()), (d / "a.txt").read_text()
    (['a.txt', 'b.txt'], '3')
    """
    dest = Path(folder)
    if not _swappable(dest):
        return write_files({dest / name: data for name, data in files.items()})
    created = _ensure_dir(dest.parent)
    tmp: Path | None = None
    done = False
    try:
        try:
            tmp = Path(tempfile.mkdtemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp"))
        except OSError as exc:
            raise OutputError(f"{dest}: cannot write: {exc.strerror or exc}") from None
        for name, data in files.items():
            try:
                with open(tmp / name, "wb") as fh:
                    fh.write(data)
                os.chmod(tmp / name, 0o666 & ~_umask())
            except OSError as exc:
                raise OutputError(f"{dest / name}: cannot write: {exc.strerror or exc}") from None
        with _signals_held():
            _swap_in(tmp, dest, files)
            done = True
    finally:
        if not done:
            with _signals_held():
                if tmp is not None:
                    shutil.rmtree(tmp, ignore_errors=True)
                for parent in reversed(created):
                    with contextlib.suppress(OSError):
                        parent.rmdir()
    return [dest / name for name in files]


def _swap_in(tmp: Path, dest: Path, files: Mapping[str, bytes]) -> None:
    """Put the complete folder ``tmp`` at ``dest``; the old folder, if any, is removed."""
    try:
        if not dest.exists():
            os.chmod(tmp, 0o777 & ~_umask())
            os.rename(tmp, dest)
            return
        os.chmod(tmp, dest.stat().st_mode & 0o7777)
        for entry in os.scandir(dest):
            if entry.name not in files:  # a file of the user's: keep it
                try:
                    os.link(entry.path, tmp / entry.name)
                except OSError:
                    shutil.copy2(entry.path, tmp / entry.name)
        if _exchange(tmp, dest):
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old folder
            return
        old = Path(tempfile.mkdtemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".old.tmp"))
        os.rename(dest, old / "x")
        try:
            os.rename(tmp, dest)
        except OSError:
            os.rename(old / "x", dest)  # put the old folder back
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"{dest}: cannot replace the folder: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    return write_files({path: data})[0]
