"""Same answer everywhere: corpus.csv and every per-text file byte-identical for any engine."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphkit

from .conftest import tree, write_corpus


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("src"))


@pytest.fixture(scope="module")
def reference(small_corpus: Path, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("jobs1")
    result = graphkit.analyze_corpus(small_corpus, out, jobs=1, quiet=True, merge=True)
    assert result.failed == 0 and result.done == 4
    files = tree(out)
    assert "texts/her/network.png" in files and "corpus.png" in files
    assert "merged/graph.graphml" in files
    return files


def test_two_jobs_write_the_same_bytes(small_corpus, reference, tmp_path):
    graphkit.analyze_corpus(small_corpus, tmp_path, jobs=2, quiet=True, merge=True)
    assert tree(tmp_path) == reference


def test_dask_writes_the_same_bytes(small_corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    # A real in-process cluster: one worker thread (matplotlib is not thread-safe).
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:  # fmt: skip
        graphkit.analyze_corpus(small_corpus, tmp_path / "shared", engine="dask", client=client,
                                quiet=True, merge=True)  # fmt: skip
        graphkit.analyze_corpus(small_corpus, tmp_path / "gathered", engine="dask", client=client,
                                gather=True, quiet=True, merge=True)  # fmt: skip
    assert tree(tmp_path / "shared") == reference
    assert tree(tmp_path / "gathered") == reference


def test_dask_worker_processes_without_pictures(small_corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    expected = tmp_path / "jobs1"
    graphkit.analyze_corpus(small_corpus, expected, jobs=1, pictures=False, quiet=True)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:  # fmt: skip
        result = graphkit.analyze_corpus(small_corpus, tmp_path / "dask", client=client,
                                         pictures=False, quiet=True)  # fmt: skip
    assert result.done == 4
    assert tree(tmp_path / "dask") == tree(expected)
