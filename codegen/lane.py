"""A worker process of :func:`dicomkit.codegen.emit.generate`: renders one lane of modules.

Started as ``python -m dicomkit.codegen.lane`` by the parent, which writes a pickled
``(Standard, [ModuleSpec, ...])`` to its standard input and reads back a pickled
``("ok", rendered, skipped)`` or ``("raise", exception)`` from its standard output.  A fresh
interpreter rather than :mod:`multiprocessing`: it neither inherits the parent's threads and
locks (fork) nor re-imports the parent's main script (spawn), so any program may call
``generate`` without an ``if __name__ == "__main__"`` guard.
"""

from __future__ import annotations

import pickle
import sys
import traceback


def main() -> int:
    """Read the lane from stdin, render it, write the outcome to stdout."""
    from dicomkit.codegen.emit import render_specs

    std, specs = pickle.loads(sys.stdin.buffer.read())
    try:
        outcome: tuple[object, ...] = ("ok", *render_specs(std, specs))
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            pickle.dumps(exc)
            outcome = ("raise", exc)
        except Exception:
            outcome = ("raise", RuntimeError("".join(traceback.format_exception(exc))))
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
