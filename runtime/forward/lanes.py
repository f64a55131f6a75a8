"""The forwarding lanes in a process of their own, woken by the gateway through a pipe.

``dicomkit storescp --forward`` receives in one process and, by default, forwards in a child
process (``dicomkit forward serve --wake-fd N``): the receiving Storage SCP and the
forwarding Storage SCU then each have an interpreter (and a GIL) of their own, instead of
sharing one (issue 18: the gateway's throughput was bound by one process's CPU).  Both work on
the same queue and spool; the gateway only accepts files and commits their jobs.

The pipe between them carries two things:

* wake-ups: after each commit the gateway writes the names of the destinations that got jobs,
  one per line (:meth:`WakePipe.wake`), so that an idle lane claims them at once instead of at
  its next poll (:data:`dicomkit.forward.forwarder.POLL`).  A full pipe drops the wake-up (the
  lanes are busy, they claim again before they wait), never blocks the gateway;
* the gateway's life: when it ends, however it ends (``kill -9`` included), the kernel closes
  the write end, the child reads end-of-file (:func:`listen`) and stops: it puts back the jobs
  it had claimed (:meth:`dicomkit.forward.Forwarder.release_own_leases`) and exits, so no
  forwarding process outlives its gateway.

:class:`LaneProcess` starts the child, restarts it when it dies while the gateway runs (after
:data:`RESTART_DELAY` seconds, logged), and stops it by closing the pipe.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Callable, Iterable, Sequence

import anyio
import anyio.abc

from dicomkit.forward.errors import ForwardError

__all__ = ["RESTART_DELAY", "STOP_TIMEOUT", "LaneProcess", "WakePipe", "listen",
           "parse_wakes"]

log = logging.getLogger(__name__)

#: Seconds before a forwarding process that died is started again.
RESTART_DELAY = 1.0
#: Seconds a forwarding process gets to stop after its pipe closes, before it is killed.
STOP_TIMEOUT = 10.0
#: Longest destination name a wake-up carries (longer lines are ignored, not split).
MAX_NAME = 256


def parse_wakes(data: bytes, rest: bytes = b"") -> tuple[set[str], bytes]:
    """The destination names in ``rest + data`` (one per ``\\n``-ended line) and the bytes of
    an unfinished last line.  Lines that are not UTF-8 or longer than :data:`MAX_NAME` are
    dropped: a wake-up only hurries a lane, it never carries a job."""
    lines = (rest + data).split(b"\n")
    tail = lines.pop()
    names = set()
    for line in lines:
        if 0 < len(line) <= MAX_NAME:
            try:
                names.add(line.decode("utf-8"))
            except UnicodeDecodeError:
                continue
    return names, tail[-MAX_NAME - 1:]


async def listen(fd: int, on_wake: Callable[[set[str]], None]) -> None:
    """Read wake-ups from the pipe ``fd`` and hand each batch of destination names to
    ``on_wake``; return at end-of-file (the gateway closed the pipe or ended)."""
    os.set_blocking(fd, False)
    rest = b""
    while True:
        await anyio.wait_readable(fd)
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            continue
        if not data:
            return
        names, rest = parse_wakes(data, rest)
        if names:
            on_wake(names)


class WakePipe:
    """The gateway's end of the pipe (see the module): :attr:`child_fd` goes to the child
    (``pass_fds``), :meth:`wake` writes from any thread."""

    def __init__(self) -> None:
        self.child_fd, self._fd = os.pipe()
        os.set_blocking(self._fd, False)
        self.dropped = 0

    def wake(self, destinations: Iterable[str]) -> None:
        """Tell the child that ``destinations`` have new jobs; never blocks."""
        fd = self._fd
        if fd < 0:
            return
        data = "".join(f"{d}\n" for d in destinations).encode("utf-8")
        try:
            os.write(fd, data)
        except BlockingIOError:
            self.dropped += 1  # the lanes are behind: they claim again before waiting
        except (BrokenPipeError, OSError):
            pass  # the child ended; LaneProcess starts another, which claims at start

    def close_child_end(self) -> None:
        """Close the parent's copy of the child's end (once the child has it)."""
        if self.child_fd >= 0:
            os.close(self.child_fd)
            self.child_fd = -1

    def close_writer(self) -> None:
        """Close the gateway's end: the child reads end-of-file and stops."""
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)

    def close(self) -> None:
        """Close both ends."""
        self.close_child_end()
        self.close_writer()


class LaneProcess:
    """Runs ``argv(fd)`` (a ``dicomkit forward serve --wake-fd fd ...`` command line) as the
    gateway's forwarding process, restarted when it dies; :meth:`wake` is the committer's
    callback.

    Parameters
    ----------
    argv
        The child's command line for the pipe's file descriptor number.
    cwd, env
        Passed to the child.
    """

    def __init__(self, argv: Callable[[int], Sequence[str]], *, cwd: str | None = None,
                 env: dict[str, str] | None = None) -> None:
        self._argv = argv
        self._cwd = cwd
        self._env = env
        self._pipe: WakePipe | None = None
        self.starts = 0
        self.pid: int | None = None

    def wake(self, destinations: Iterable[str]) -> None:
        """Wake the child's lanes of ``destinations`` (from any thread)."""
        pipe = self._pipe
        if pipe is not None:
            pipe.wake(destinations)

    async def _start(self) -> anyio.abc.Process:
        pipe = WakePipe()
        try:
            process = await anyio.open_process(
                list(self._argv(pipe.child_fd)), stdin=subprocess.DEVNULL, stdout=None,
                stderr=None, pass_fds=(pipe.child_fd,), cwd=self._cwd, env=self._env,
                start_new_session=True)  # Ctrl-C reaches the gateway, which closes the pipe
        except OSError as exc:
            pipe.close()
            raise ForwardError(f"cannot start the forwarding process: {exc}") from exc
        pipe.close_child_end()
        self._pipe = pipe
        self.starts += 1
        self.pid = process.pid
        return process

    async def run(self, *, task_status: anyio.abc.TaskStatus[None] = anyio.TASK_STATUS_IGNORED
                  ) -> None:
        """Start the child and keep one running until cancelled; then close the pipe and
        wait for the child to stop (killed after :data:`STOP_TIMEOUT` seconds)."""
        process = await self._start()
        task_status.started()
        try:
            while True:
                code = await process.wait()
                log.error("the forwarding process %d ended with status %s; starting another "
                          "in %.0f s", process.pid, code, RESTART_DELAY)
                self._close_pipe()
                await anyio.sleep(RESTART_DELAY)
                process = await self._start()
        finally:
            with anyio.CancelScope(shield=True):
                await self._stop(process)

    def _close_pipe(self) -> None:
        pipe, self._pipe = self._pipe, None
        if pipe is not None:
            pipe.close()

    async def _stop(self, process: anyio.abc.Process) -> None:
        self._close_pipe()
        with anyio.move_on_after(STOP_TIMEOUT):
            await process.wait()
            return
        log.error("the forwarding process %d did not stop within %.0f s; killed", process.pid,
                  STOP_TIMEOUT)
        process.kill()
        await process.wait()
