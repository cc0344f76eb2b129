"""What a per-text output folder was made from, so a second run can skip it.

Each ``DIR/texts/<stem>/manifest.json`` records the sha256 of the input (and
of the cast and rules files used), the options and the graphkit version,
with the text's corpus row and character rows.  A folder is *current* when
all of these still match; :func:`is_current` is the one check, made before a
text is sent to any engine.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["MANIFEST", "sha256_file", "input_hashes", "fingerprint", "read_manifest", "is_current"]

#: The manifest's file name inside a text's output folder.
MANIFEST = "manifest.json"


def sha256_file(path: str | os.PathLike) -> str:
    """The hex sha256 of a file's bytes, read in 1 MiB blocks.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.txt"
    >>> _ = p.write_bytes(b"abc")
    >>> sha256_file(p)[:12]
    'ba7816bf8f01'
    """
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _cast_path(path: Path, cast: object) -> Path | None:
    from graphkit.io.cast import find_cast_file

    if cast is False:
        return None
    if cast is None or cast is True:
        found = find_cast_file(path)
        return Path(found) if found else None
    return Path(os.fspath(cast))


def input_hashes(path: str | os.PathLike, options: Mapping[str, Any]) -> dict[str, str]:
    """sha256 of the text, and of the cast and rules files it would be read with.

    A file that cannot be read hashes as ``""`` (the job then reports why).
    """
    p = Path(path)
    out = {}
    for key, file in (
        ("text", p),
        ("cast", _cast_path(p, options.get("cast"))),
        ("rules", Path(os.fspath(options["rules"])) if options.get("rules") else None),
    ):
        if file is None:
            continue
        if not file.is_file():  # a pipe or device would block; the job reports it
            out[key] = ""
            continue
        try:
            out[key] = sha256_file(file)
        except OSError:
            out[key] = ""
    return out


def fingerprint(hashes: Mapping[str, str], options: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a manifest that decides whether a folder is current.

    Examples
    --------
    >>> fingerprint({"text": "ab"}, {"window": "sentence"})["options"]
    {'window': 'sentence'}
    """
    from graphkit.version import __version__

    return {
        "graphkit": __version__,
        "inputs": dict(sorted(hashes.items())),
        "options": json.loads(json.dumps(dict(options), sort_keys=True, default=str)),
    }


def read_manifest(folder: str | os.PathLike) -> dict[str, Any] | None:
    """The manifest of a text's output folder, or ``None`` if it has none (or a broken one)."""
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_current(folder: str | os.PathLike, expected: Mapping[str, Any]) -> dict[str, Any] | None:
    """The manifest of ``folder`` if it matches ``expected`` (a :func:`fingerprint`), else ``None``."""
    data = read_manifest(folder)
    if data is None or any(data.get(k) != v for k, v in expected.items()):
        return None
    if "row" not in data:
        return None
    return data
