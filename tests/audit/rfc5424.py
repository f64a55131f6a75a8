"""An RFC 5424 parser written for the tests from the RFC's ABNF (section 6), independent of
dicomkit.audit.syslog, and the octet-counting framing of RFC 5425 4.3."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# RFC 5424 6: SYSLOG-MSG = HEADER SP STRUCTURED-DATA [SP MSG]
_HEADER = re.compile(
    rb"^<(?P<pri>\d{1,3})>(?P<version>[1-9]\d{0,2}) "
    rb"(?P<timestamp>-|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})) "
    rb"(?P<hostname>-|[!-~]{1,255}) (?P<app>-|[!-~]{1,48}) (?P<procid>-|[!-~]{1,128}) "
    rb"(?P<msgid>-|[!-~]{1,32}) ")
_SD_ELEMENT = re.compile(rb'\[[^ =\]"]+(?: [^ =\]"]+="(?:[^"\\\]]|\\["\\\]])*")*\]')
BOM = b"\xef\xbb\xbf"


class SyslogSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class SyslogMessage:
    facility: int
    severity: int
    version: int
    timestamp: dt.datetime | None
    hostname: str
    app_name: str
    procid: str
    msgid: str
    structured_data: bytes
    msg: bytes
    bom: bool


def parse(data: bytes) -> SyslogMessage:
    m = _HEADER.match(data)
    if m is None:
        raise SyslogSyntaxError(f"no RFC 5424 HEADER in {data[:80]!r}")
    pri = int(m["pri"])
    if pri > 191 or (len(m["pri"]) > 1 and m["pri"].startswith(b"0")):
        raise SyslogSyntaxError(f"PRI {pri}")
    rest = data[m.end():]
    if rest.startswith(b"-"):
        sd, rest = b"-", rest[1:]
    else:
        pos, sd_parts = 0, []
        while True:
            e = _SD_ELEMENT.match(rest, pos)
            if e is None:
                break
            sd_parts.append(e.group())
            pos = e.end()
        if not sd_parts:
            raise SyslogSyntaxError("no STRUCTURED-DATA")
        sd, rest = b"".join(sd_parts), rest[pos:]
    if rest and not rest.startswith(b" "):
        raise SyslogSyntaxError("no SP before MSG")
    msg = rest[1:]
    bom = msg.startswith(BOM)
    if bom:
        msg = msg[3:]
        msg.decode("utf-8")  # RFC 5424 6.4: MSG-UTF8 is UTF-8 after the BOM
    ts = None if m["timestamp"] == b"-" else dt.datetime.fromisoformat(
        m["timestamp"].decode().replace("Z", "+00:00"))

    def field(name: str) -> str:
        v = m[name].decode("ascii")
        return "" if v == "-" else v

    return SyslogMessage(pri // 8, pri % 8, int(m["version"]), ts, field("hostname"),
                         field("app"), field("procid"), field("msgid"), sd, msg, bom)


def split_octet_counted(stream: bytes) -> tuple[list[bytes], bytes]:
    """RFC 5425 4.3: SYSLOG-FRAME = MSG-LEN SP SYSLOG-MSG; (frames, rest not yet whole)."""
    frames = []
    while stream:
        m = re.match(rb"^([1-9]\d{0,8}) ", stream)
        if m is None:
            if re.fullmatch(rb"[1-9]?\d{0,8}", stream):
                break  # a length still arriving
            raise SyslogSyntaxError(f"no MSG-LEN at {stream[:20]!r}")
        n = int(m.group(1))
        if len(stream) < m.end() + n:
            break
        frames.append(stream[m.end():m.end() + n])
        stream = stream[m.end() + n:]
    return frames, stream
