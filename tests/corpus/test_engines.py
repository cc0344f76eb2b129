"""Engines: a pre-started process pool warms its workers, then runs the tasks, and leaves none behind."""

from __future__ import annotations

import multiprocessing as mp
import os

from graphkit.corpus.engines import LocalEngine


def _pid(task):
    return {"stem": task["stem"], "pid": os.getpid()}


def _warm():
    import graphkit.analysis  # noqa: F401

    return os.getpid()


def test_a_prestarted_pool_warms_its_workers_and_runs_every_task():
    engine = LocalEngine(jobs=2)
    with engine:
        engine.prestart(_warm)
        warmed = {f.result() for f in engine._warming}
        rows = list(engine.map_unordered(_pid, [{"stem": s} for s in "abcdef"]))
    assert sorted(r["stem"] for r in rows) == list("abcdef")
    assert os.getpid() not in warmed  # the warm-up ran in workers, not here
    assert os.getpid() not in {r["pid"] for r in rows}
    assert engine._pool is None
    assert not mp.active_children()


def test_prestart_is_a_no_op_in_process():
    engine = LocalEngine(jobs=1)
    engine.prestart(_warm)
    assert engine._pool is None
    assert [r["stem"] for r in engine.map_unordered(_pid, [{"stem": "a"}])] == ["a"]


def test_closing_a_prestarted_engine_that_ran_nothing_leaves_no_worker():
    with LocalEngine(jobs=2) as engine:
        engine.prestart(_warm)
    assert not mp.active_children()
