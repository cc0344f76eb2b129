"""Engines that map the per-text job over many tasks: a registry name -> engine.

An engine is a context manager with ``map_unordered(fn, tasks)``, an
iterator of ``fn(task)`` results in the order they finish.  The job knows
nothing of the engine; the engine knows nothing of texts.

- ``local``: a process pool of ``jobs`` workers (default: all cores); each
  worker imports graphkit once and holds one text at a time.  ``jobs=1``
  runs in this process (no pool, easiest to debug).
- ``dask``: a ``distributed.Client``, given, or connected to ``scheduler``
  (``tcp://host:port``), or on a new ``LocalCluster`` of ``jobs`` workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from graphkit.errors import GraphkitError, OptionError

__all__ = ["ENGINES", "Engine", "LocalEngine", "DaskEngine", "make_engine", "default_jobs"]

Task = dict[str, Any]
Job = Callable[[Task], dict[str, Any]]
#: How long to wait for a Dask scheduler that does not answer.
CONNECT_TIMEOUT = "3s"


def default_jobs() -> int:
    """The number of cores this process may use.

    Examples
    --------
    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def _died(task: Task, exc: BaseException) -> dict[str, Any]:
    """The error row of a task whose worker died (killed, out of memory)."""
    from graphkit.corpus.job import one_line

    return {"stem": task["stem"], "path": task["path"], "status": "error",
            "reason": f"worker died: {one_line(exc)}", "seconds": 0.0}  # fmt: skip


class Engine:
    """Base class: ``with engine: for row in engine.map_unordered(job, tasks): ...``."""

    name = "engine"

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release workers."""

    def map_unordered(self, fn: Job, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        """``fn(task)`` for every task, as each finishes."""
        raise NotImplementedError

    def prestart(self, warm: Callable[[], Any]) -> None:
        """Start the workers now, each running ``warm()`` once, while the client does other work."""

    @property
    def workers(self) -> int:
        """How many texts run at once."""
        return 1


class LocalEngine(Engine):
    """A process pool on this machine (``jobs=1``: in this process).

    Examples
    --------
    >>> with LocalEngine(jobs=1) as engine:
    ...     sorted(r["n"] for r in engine.map_unordered(lambda t: {"n": t["n"] * 2}, [{"n": 1}, {"n": 2}]))
    [2, 4]
    """

    name = "local"

    def __init__(self, jobs: int | None = None) -> None:
        if jobs is not None and jobs < 1:
            raise OptionError(f"jobs must be at least 1, not {jobs}")
        self.jobs = jobs or default_jobs()
        self._pool = None
        self._warming: list[Any] = []

    @property
    def workers(self) -> int:
        return self.jobs

    @staticmethod
    def _method() -> str:
        import multiprocessing as mp

        # forkserver/spawn workers import graphkit once each and share nothing
        # with the client (fork would copy its memory and any threads' locks).
        return "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"

    def _start(self, workers: int) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=workers,
                                         mp_context=mp.get_context(self._method()))  # fmt: skip

    def prestart(self, warm: Callable[[], Any]) -> None:
        if self.jobs == 1 or self._pool is not None:
            return
        self._start(self.jobs)
        # One warm-up per worker: the pool spawns a worker per pending task.
        self._warming = [self._pool.submit(warm) for _ in range(self.jobs)]

    def map_unordered(self, fn: Job, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        tasks = list(tasks)
        if self.jobs == 1 or len(tasks) <= 1 and self._pool is None:
            yield from map(fn, tasks)
            return
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is None:
            self._start(min(self.jobs, len(tasks)))
        # At most two tasks per worker are queued, so a huge corpus costs no memory up front.
        pending: dict[Any, Task] = {}
        queue = iter(tasks)
        limit = 2 * self.jobs
        try:
            while True:
                for task in queue:
                    pending[self._pool.submit(fn, task)] = task
                    if len(pending) >= limit:
                        break
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=lambda f: pending[f]["stem"]):
                    task = pending.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool as exc:
                        yield _died(task, exc)
                        self._restart()
                        pending = {self._pool.submit(fn, t): t for t in pending.values()}
                        break
        finally:
            self.close()

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._start(self.jobs)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskEngine(Engine):
    """The job on a Dask distributed cluster: a given client, a scheduler address or a LocalCluster."""

    name = "dask"

    def __init__(
        self,
        jobs: int | None = None,
        client: Any = None,
        scheduler: str | None = None,
        processes: bool = True,
    ) -> None:
        try:
            import distributed
        except ImportError:
            raise GraphkitError(
                "the dask engine needs dask.distributed: pip install 'graphkit[dask]'"
            ) from None
        self._own: list[Any] = []
        if client is not None:
            self.client = client
        elif scheduler:
            try:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise GraphkitError(
                    f"cannot reach the Dask scheduler at {scheduler} "
                    f"(no answer within {CONNECT_TIMEOUT}: {exc.__class__.__name__})"
                ) from None
            self._own.append(self.client)
        else:
            cluster = distributed.LocalCluster(
                n_workers=jobs or default_jobs(), threads_per_worker=1, processes=processes,
                dashboard_address=None, silence_logs=40,
            )  # fmt: skip
            self._own.append(cluster)
            self.client = distributed.Client(cluster)
            self._own.insert(0, self.client)

    @property
    def workers(self) -> int:
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def map_unordered(self, fn: Job, tasks: Iterable[Task]) -> Iterator[dict[str, Any]]:
        from distributed import as_completed

        tasks = list(tasks)
        # Tasks run in the order given (the client puts the longest first).
        futures = {
            self.client.submit(fn, t, key=f"graphkit-{t['stem']}-{id(t):x}", pure=False,
                               priority=len(tasks) - i): t
            for i, t in enumerate(tasks)
        }  # fmt: skip
        try:
            for fut in as_completed(futures):
                try:
                    yield fut.result()
                except Exception as exc:  # KilledWorker and friends: the job itself never raises
                    yield _died(futures[fut], exc)
        finally:
            self.client.cancel(list(futures))

    def close(self) -> None:
        for obj in self._own:
            obj.close()
        self._own = []


#: Engine names -> classes (``--engine``).
ENGINES: dict[str, type[Engine]] = {"local": LocalEngine, "dask": DaskEngine}


def make_engine(
    name: str, jobs: int | None = None, client: Any = None, scheduler: str | None = None
) -> Engine:
    """The engine called ``name`` (a ``client`` or ``scheduler`` implies ``dask``).

    Examples
    --------
    >>> make_engine("local", jobs=2).workers
    2
    >>> make_engine("spark")
    Traceback (most recent call last):
    ...
    graphkit.errors.OptionError: unknown engine 'spark': use local or dask
    """
    if client is not None or scheduler:
        name = "dask" if name == "local" else name
    if name not in ENGINES:
        raise OptionError(f"unknown engine {name!r}: use {' or '.join(ENGINES)}")
    if name == "dask":
        return DaskEngine(jobs=jobs, client=client, scheduler=scheduler)
    return LocalEngine(jobs=jobs)
