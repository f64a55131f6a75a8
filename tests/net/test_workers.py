"""WorkerLanes (net/workers.py): blocking calls on long-lived threads, with the semantics of
``anyio.to_thread.run_sync`` (result, exception, context, cancellation) on every loop."""

from __future__ import annotations

import contextvars
import os
import threading
import time
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from dicomkit.net.workers import WorkerLanes
from tests.net.conftest import BACKENDS, backend_param

pytestmark = pytest.mark.anyio

_VAR: contextvars.ContextVar[str] = contextvars.ContextVar("_VAR", default="unset")


@pytest.fixture(params=BACKENDS)
def anyio_backend(request: pytest.FixtureRequest) -> Any:
    return backend_param(request.param)


async def test_call_runs_off_the_loop_thread_and_returns_its_result() -> None:
    lanes = WorkerLanes("t", idle_seconds=1.0)
    main = threading.get_ident()
    ident, value = await lanes.run(lambda x, y: (threading.get_ident(), x + y), 2, 3)
    assert value == 5
    assert ident != main
    lanes.close()


async def test_exception_of_the_call_is_raised_in_the_caller() -> None:
    lanes = WorkerLanes("t", idle_seconds=1.0)

    def fail() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        await lanes.run(fail)
    assert await lanes.run(lambda: "next") == "next"  # the lane survives a failed call
    lanes.close()


async def test_call_sees_the_callers_context_variables() -> None:
    lanes = WorkerLanes("t", idle_seconds=1.0)
    token = _VAR.set("caller")
    try:
        assert await lanes.run(_VAR.get) == "caller"
    finally:
        _VAR.reset(token)
    lanes.close()


async def test_calls_in_turn_reuse_one_thread(anyio_backend: Any) -> None:
    lanes = WorkerLanes("t", idle_seconds=5.0)
    idents = {await lanes.run(threading.get_ident) for _ in range(20)}
    if anyio_backend == "trio":  # anyio's pool, not lanes
        assert lanes.threads == 0
    else:
        assert len(idents) == 1
        assert lanes.threads == 1
    lanes.close()


async def test_concurrent_calls_get_a_thread_each_up_to_the_limit(anyio_backend: Any) -> None:
    lanes = WorkerLanes("t", limit=3, idle_seconds=5.0)
    barrier = threading.Barrier(3, timeout=10)  # only passes if 3 calls run at once
    idents: list[int] = []

    def meet() -> None:
        barrier.wait()
        idents.append(threading.get_ident())

    async with anyio.create_task_group() as tg:
        for _ in range(3):
            tg.start_soon(lanes.run, meet)
    assert len(set(idents)) == 3
    # beyond the limit the calls still run (anyio's pool), none is refused
    results: list[int] = []

    async def one(i: int) -> None:
        results.append(await lanes.run(lambda: (time.sleep(0.01), i)[1]))

    async with anyio.create_task_group() as tg:
        for i in range(8):
            tg.start_soon(one, i)
    assert sorted(results) == list(range(8))
    assert lanes.threads <= 3
    lanes.close()


async def test_cancelled_caller_waits_for_the_call_to_finish() -> None:
    lanes = WorkerLanes("t", idle_seconds=1.0)
    started, finished = threading.Event(), threading.Event()

    def slow() -> None:
        started.set()
        time.sleep(0.3)
        finished.set()

    with anyio.move_on_after(0.05) as scope:
        await lanes.run(slow)
        # the call ended before run() returned: nothing runs behind the caller's back
        assert started.is_set() and finished.is_set()
        await anyio.lowlevel.checkpoint()  # the cancellation arrives at the next checkpoint
        pytest.fail("not cancelled")  # pragma: no cover
    assert scope.cancelled_caught
    lanes.close()


async def test_already_cancelled_caller_does_not_start_the_call() -> None:
    lanes = WorkerLanes("t", idle_seconds=1.0)
    ran = threading.Event()
    with anyio.CancelScope() as scope:
        scope.cancel()
        await lanes.run(ran.set)
    assert not ran.is_set()
    lanes.close()


async def test_idle_threads_end_after_idle_seconds(anyio_backend: Any) -> None:
    lanes = WorkerLanes("t", idle_seconds=0.1)
    if anyio_backend == "trio":  # anyio's pool, not the lanes: none of their threads starts
        await lanes.run(lambda: None)
        assert lanes.threads == 0
        lanes.close()
        return
    await lanes.run(lambda: None)
    assert lanes.threads == 1
    deadline = time.monotonic() + 5
    while lanes.threads and time.monotonic() < deadline:
        await anyio.sleep(0.05)
    assert lanes.threads == 0
    assert await lanes.run(lambda: 7) == 7  # a new thread when work comes again
    lanes.close()


def test_forked_child_starts_its_own_threads() -> None:
    lanes = WorkerLanes("t", idle_seconds=5.0)
    anyio.run(lanes.run, lambda: None)
    assert lanes.threads == 1
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            ok = lanes.threads == 0 and anyio.run(lanes.run, lambda: 7) == 7
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(write)
    try:
        answer = os.read(read, 1)
    finally:
        os.close(read)
        os.waitpid(pid, 0)
    assert answer == b"1"
    lanes.close()
