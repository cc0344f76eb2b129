"""Errors raised by graphkit.

Every failure a user can cause (a missing file, a broken cast file, an
unwritable output folder) raises a :class:`GraphkitError` whose message is one
line that names the problem; the CLI prints it and exits with status 1.
"""

from __future__ import annotations

__all__ = [
    "GraphkitError",
    "InputError",
    "CastError",
    "RulesError",
    "OutputError",
    "OptionError",
    "PipelineError",
]


class GraphkitError(Exception):
    """Base class of the errors graphkit reports to users."""


class InputError(GraphkitError):
    """The input text cannot be read (missing, empty, binary, undecodable, malformed)."""


class CastError(GraphkitError):
    """A cast file is missing, malformed or inconsistent."""


class RulesError(GraphkitError):
    """A relation rule file is missing or malformed."""


class OutputError(GraphkitError):
    """An output file or folder cannot be written."""


class OptionError(GraphkitError, ValueError):
    """An option has a value graphkit does not understand (for example ``window="lines"``)."""


class PipelineError(GraphkitError):
    """The stages of a pipeline do not fit together (a stage needs what no earlier one makes)."""
