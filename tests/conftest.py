"""Shared fixtures: paths to the bundled article, tiny texts, and ../shared/ (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
HER = ROOT / "data" / "her.txt"
HER_CAST = ROOT / "data" / "her.cast.yml"


@pytest.fixture(scope="session")
def her_path() -> Path:
    return HER


@pytest.fixture(scope="session")
def her_cast() -> Analysis:  # noqa: F821
    import graphkit

    return graphkit.analyze(HER)


@pytest.fixture(scope="session")
def her_nocast():
    import graphkit

    return graphkit.analyze(HER, cast=False)


def shared_file(*parts: str) -> Path:
    """A file under ../shared/, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
