"""Engines: a pre-started process pool warms its workers, then runs the tasks, and leaves none behind."""

from __future__ import annotations

import multiprocessing as mp
import os
from functools import partial

from graphkit.corpus.engines import LocalEngine
from graphkit.corpus.job import warm_up

# Worker functions must be importable in a fresh interpreter (not from tests/):
# os.getpid and dict are, and so is graphkit's own warm-up.


def test_a_prestarted_pool_warms_its_workers_and_runs_every_task():
    engine = LocalEngine(jobs=2)
    with engine:
        engine.prestart(os.getpid)
        warmed = {f.result() for f in engine._warming}
        rows = list(engine.map_unordered(dict, [{"stem": s} for s in "abcdef"]))
    assert sorted(r["stem"] for r in rows) == list("abcdef")
    assert warmed and os.getpid() not in warmed  # the warm-up ran in workers, not here
    assert engine._pool is None
    assert not mp.active_children()


def test_the_warm_up_runs_graphkit_in_a_worker():
    with LocalEngine(jobs=2) as engine:
        engine.prestart(partial(warm_up, False))
        assert [f.result() for f in engine._warming] == [None, None]
    assert not mp.active_children()


def test_prestart_is_a_no_op_in_process():
    engine = LocalEngine(jobs=1)
    engine.prestart(os.getpid)
    assert engine._pool is None
    assert list(engine.map_unordered(dict, [{"stem": "a"}])) == [{"stem": "a"}]
