"""A byte-bounded least-recently-used cache of encoded answers (metadata JSON, rendered
images), used from the event loop only.  Keys carry what makes an entry valid (the sha256 of
the instance files, as the archive's index records them), so a changed instance is a new key
and the old entry ages out: nothing to invalidate by hand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

__all__ = ["ByteCache"]

V = TypeVar("V", bound=bytes)


class ByteCache(Generic[V]):
    """At most ``capacity`` bytes of values, the least recently used dropped first."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, V] = OrderedDict()

    def get(self, key: Hashable) -> V | None:
        """The value under ``key`` (now the most recent), or None."""
        value = self._items.get(key)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        self._items.move_to_end(key)
        return value

    def put(self, key: Hashable, value: V) -> None:
        """Keep ``value`` under ``key`` unless it is larger than the whole cache."""
        if len(value) > self.capacity:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= len(old)
        self._items[key] = value
        self.size += len(value)
        while self.size > self.capacity:
            _, dropped = self._items.popitem(last=False)
            self.size -= len(dropped)

    def __len__(self) -> int:
        return len(self._items)
