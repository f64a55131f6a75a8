"""Splitting a JSON array of objects into the text of each object, as its bytes arrive.

The reader of many DICOM JSON data sets (PS3.18 F.2.1: "a single top-level array of JSON
objects") needs each data set's text as soon as it is complete, without holding the whole
array.  :class:`JsonArraySplitter` is fed chunks of any size and returns the complete objects;
it tracks only nesting depth and strings (a ``bytes``-level scan with :mod:`re`), leaving the
parsing of each object to :func:`json.loads`.
"""

from __future__ import annotations

import re

from dicomkit.web.errors import JsonModelError

__all__ = ["JsonArraySplitter"]

_IN_STRING = re.compile(rb'["\\]')
_STRUCTURE = re.compile(rb'[{}\[\]"]')
_WHITESPACE = b" \t\r\n"
_START, _FIRST, _AFTER_VALUE, _AFTER_COMMA, _DONE = range(5)


class JsonArraySplitter:
    """Feed bytes of a JSON array; get the bytes of each complete element object.

    Examples
    --------
    >>> s = JsonArraySplitter()
    >>> s.feed(b'[{"a": "}"}, {"b"'), s.feed(b': 1}]')
    ([b'{"a": "}"}'], [b'{"b": 1}'])
    >>> s.close()
    """

    __slots__ = ("_buf", "_offset", "_pos", "_state", "_depth", "_in_string", "_start")

    def __init__(self) -> None:
        self._buf = bytearray()
        self._offset = 0  # position in the whole stream of _buf[0]
        self._pos = 0
        self._state = _START
        self._depth = 0
        self._in_string = False
        self._start = 0

    def _error(self, reason: str, pos: int) -> JsonModelError:
        return JsonModelError(f"{reason} (at byte {self._offset + pos})")

    def feed(self, chunk: bytes) -> list[bytes]:
        """The element objects completed by ``chunk``, in order.

        Raises
        ------
        JsonModelError
            When the text is not a JSON array of objects, naming the byte offset.
        """
        buf = self._buf
        buf += chunk
        out: list[bytes] = []
        pos = self._pos
        n = len(buf)
        while pos < n:
            if self._depth == 0:
                c = buf[pos]
                if c in _WHITESPACE:
                    pos += 1
                    continue
                state = self._state
                if state == _START:
                    if c != 0x5B:  # [
                        raise self._error("expected a JSON array ('[')", pos)
                    self._state = _FIRST
                elif state == _DONE:
                    raise self._error("data after the end of the array", pos)
                elif c == 0x5D:  # ]
                    if state == _AFTER_COMMA:
                        raise self._error("']' after ','", pos)
                    self._state = _DONE
                elif state == _AFTER_VALUE:
                    if c != 0x2C:  # ,
                        raise self._error("expected ',' or ']' after an element", pos)
                    self._state = _AFTER_COMMA
                elif c == 0x7B:  # {
                    self._start = pos
                    self._depth = 1
                else:
                    raise self._error("an element of the array is not an object", pos)
                pos += 1
                continue
            if self._in_string:
                m = _IN_STRING.search(buf, pos)
                if m is None:
                    pos = n
                    break
                p = m.start()
                if buf[p] == 0x5C:  # backslash: skip the escaped character
                    if p + 1 >= n:
                        pos = p
                        break
                    pos = p + 2
                    continue
                self._in_string = False
                pos = p + 1
                continue
            m = _STRUCTURE.search(buf, pos)
            if m is None:
                pos = n
                break
            p = m.start()
            c = buf[p]
            if c == 0x22:  # "
                self._in_string = True
            elif c in (0x7B, 0x5B):
                self._depth += 1
            else:
                self._depth -= 1
                if self._depth == 0:
                    out.append(bytes(buf[self._start:p + 1]))
                    self._state = _AFTER_VALUE
            pos = p + 1
        keep = self._start if self._depth > 0 else pos
        if keep:
            del buf[:keep]
            self._offset += keep
            pos -= keep
            self._start = 0
        self._pos = pos
        return out

    def close(self) -> None:
        """Check that the array ended.

        Raises
        ------
        JsonModelError
            For a truncated array (with the byte offset reached).
        """
        if self._state != _DONE:
            raise self._error("the JSON array is truncated (no closing ']')", len(self._buf))
