"""The event loop the blocking entry points run on: asyncio, on uvloop when it is installed.

The networking code runs under anyio on asyncio and trio alike; what runs it for a script or
a command (``dicomkit storescp``, :func:`dicomkit.net.connect`, ``store_blocking``) chooses the
loop here: asyncio with uvloop's loop when ``uvloop`` is importable (``pip install
'dicomkit[fast]'``), which runs the same code with a faster event loop and socket callbacks,
else asyncio's own.  ``DICOMKIT_UVLOOP=0`` turns uvloop off (to compare, or to rule it out).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, TypeVarTuple

import anyio

__all__ = ["backend_options", "run", "uses_uvloop"]

_T = TypeVar("_T")
_Ts = TypeVarTuple("_Ts")


def uses_uvloop() -> bool:
    """True when the entry points run on uvloop (installed, and not turned off)."""
    if os.environ.get("DICOMKIT_UVLOOP", "") == "0":
        return False
    return importlib.util.find_spec("uvloop") is not None


def backend_options() -> dict[str, Any]:
    """anyio's asyncio backend options for the chosen loop."""
    return {"use_uvloop": True} if uses_uvloop() else {}


def run(func: Callable[[*_Ts], Awaitable[_T]], *args: *_Ts) -> _T:
    """``anyio.run(func, *args)`` on asyncio with the chosen loop."""
    return anyio.run(func, *args, backend="asyncio", backend_options=backend_options())
