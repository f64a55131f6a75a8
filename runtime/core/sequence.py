"""Sequences of items (PS3.5 7.5): a list of :class:`~dicomkit.core.dataset.Dataset` items."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dicomkit.core.dataset import Dataset


class Sequence(list["Dataset"]):
    """The value of an SQ element: its items, in order.

    ``item_undefined_length`` remembers, per item read from a file, whether it was encoded with
    undefined length, so that an unchanged sequence is written back byte for byte.
    """

    def __init__(self, items: Iterable[Dataset] = ()) -> None:
        super().__init__(items)
        self.item_undefined_length: list[bool] = []

    def __repr__(self) -> str:
        return f"<Sequence of {len(self)} item(s)>"
