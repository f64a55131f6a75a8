"""Routing rules and destinations, read from a TOML file.

TOML because it is in the standard library (:mod:`tomllib`, no dependency), typed (numbers
stay numbers, no YAML "NO" -> False surprise), allows comments, and its tables fit named
destinations and an ordered list of rules::

    [defaults.retry]                  # RetryPolicy fields (dicomkit.net.resilience)
    backoff = "full-jitter"
    base = 2.0
    max_attempts = 20
    max_age = 86400

    [destinations.PACS]
    host = "10.0.0.5"
    port = 104
    called_ae = "PACS"
    calling_ae = "GATEWAY"            # default DICOMKIT
    concurrency = 2                   # parallel associations (default 1)
    max_operations = 500              # C-STOREs per association before a new one
    bandwidth = 5_000_000             # bytes per second (token bucket)
    windows = ["20:00-06:00"]         # only at night (local time)
    transfer_syntax = "1.2.840.10008.1.2.4.80"   # what the destination accepts
    breaker = { failure_threshold = 5, reset_timeout = 30 }
    retry = { backoff = "exponential", max_attempts = 10 }

    [sop_class_retry."1.2.840.10008.5.1.4.1.1.7"]   # per SOP class (wins over the above)
    max_attempts = 3

    [[rules]]
    name = "CT from the scanner"
    calling_ae = ["CT1"]              # any of these calling AE titles
    sop_class = ["CTImageStorage"]    # UIDs or the generated UID names
    modality = ["CT"]
    match = { PatientID = "TEST*", StudyDate = "20240101-" }   # PS3.4 C.2.2 matching
    destinations = ["PACS"]
    priority = "stat"                 # stat, high, routine (default), low
    lossy = false                     # a lossy transfer_syntax only when true

A file goes to every destination of every rule that matches it (once per destination: the
first matching rule's options, the highest priority).  ``match`` uses
:func:`dicomkit.query.parse_qido` and :func:`dicomkit.query.matches`, so it matches as a C-FIND
SCP would (wild cards, ranges, UID lists).  Transcoding is lossless unless the rule (or the
destination) says ``lossy = true`` and names a lossy ``transfer_syntax``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dicomkit.core.dataset import Dataset
from dicomkit.forward.errors import RulesError
from dicomkit.forward.limits import TimeWindow
from dicomkit.forward.queue import PRIORITIES
from dicomkit.generated import tags, uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.net.aetitle import validate_ae_title
from dicomkit.net.errors import AETitleError
from dicomkit.net.resilience import RetryPolicy
from dicomkit.query import Query, QueryError, matches, parse_qido

__all__ = ["Destination", "Routing", "Rule", "load_rules", "parse_rules"]


@dataclass(frozen=True)
class Destination:
    """A remote Storage SCP to forward to."""

    name: str
    host: str
    port: int
    called_ae: str
    calling_ae: str = "DICOMKIT"
    concurrency: int = 1
    max_operations: int | None = None
    batch: int = 32
    bandwidth: float | None = None
    windows: tuple[TimeWindow, ...] = ()
    transfer_syntax: str = ""
    lossy: bool = False
    retry: RetryPolicy | None = None
    failure_threshold: int = 5
    reset_timeout: float = 30.0
    lease: float = 300.0
    timeout: float = 30.0


@dataclass(frozen=True)
class Rule:
    """A routing rule: the conditions a received file must meet, where it goes."""

    name: str
    destinations: tuple[str, ...]
    priority: int = PRIORITIES["routine"]
    calling_ae: frozenset[str] | None = None
    sop_classes: frozenset[str] | None = None
    modalities: frozenset[str] | None = None
    query: Query | None = None
    transfer_syntax: str = ""
    lossy: bool | None = None

    def matches(self, ds: Dataset, calling_ae: str = "") -> bool:
        """Whether a data set received from ``calling_ae`` meets every condition."""
        if self.calling_ae is not None and calling_ae.strip() not in self.calling_ae:
            return False
        if self.sop_classes is not None and _text(ds, tags.SOPClassUID) not in self.sop_classes:
            return False
        if self.modalities is not None and _text(ds, tags.Modality) not in self.modalities:
            return False
        return self.query is None or matches(self.query, ds)


@dataclass(frozen=True)
class Route:
    """Where one file goes: a destination, with the priority and syntax of its rule."""

    destination: Destination
    priority: int
    transfer_syntax: str
    lossy: bool


@dataclass(frozen=True)
class Routing:
    """Destinations and rules (see the module)."""

    destinations: Mapping[str, Destination]
    rules: tuple[Rule, ...]
    default_retry: RetryPolicy = field(default_factory=RetryPolicy)
    sop_class_retry: Mapping[str, RetryPolicy] = field(default_factory=dict)

    def route(self, ds: Dataset, calling_ae: str = "") -> list[Route]:
        """The destinations of a received data set, each once."""
        out: dict[str, Route] = {}
        for rule in self.rules:
            if not rule.matches(ds, calling_ae):
                continue
            for name in rule.destinations:
                dest = self.destinations[name]
                if name in out:
                    if rule.priority > out[name].priority:
                        old = out[name]
                        out[name] = Route(dest, rule.priority, old.transfer_syntax, old.lossy)
                    continue
                out[name] = Route(dest, rule.priority,
                                  rule.transfer_syntax or dest.transfer_syntax,
                                  dest.lossy if rule.lossy is None else rule.lossy)
        return list(out.values())

    def tags(self) -> frozenset[int] | None:
        """The top-level attributes :meth:`route` looks at (SOP Class UID, Modality, the keys
        of the rules' ``match``, and Specific Character Set and Timezone Offset From UTC,
        which decide how values read), so that a receiver can route from those alone; None
        when a key needs more: a sequence key, or a date or time key (PS3.4 C.2.2.2.5 may
        combine it with its partner attribute)."""
        out = {tags.SOPClassUID, tags.Modality, tags.SpecificCharacterSet,
               tags.TimezoneOffsetFromUTC}
        for rule in self.rules:
            for key in rule.query.keys if rule.query is not None else ():
                if key.vr in _NOT_TOP_LEVEL or key.items is not None:
                    return None
                out.add(key.tag)
        return frozenset(out)

    def policy(self, destination: str, sop_class: str) -> RetryPolicy:
        """The retry policy of a job: per SOP class, else per destination, else the default."""
        if sop_class in self.sop_class_retry:
            return self.sop_class_retry[sop_class]
        dest = self.destinations.get(destination)
        if dest is not None and dest.retry is not None:
            return dest.retry
        return self.default_retry


#: VRs of query keys that route from more than their own top-level value (see Routing.tags).
_NOT_TOP_LEVEL = frozenset({"SQ", "DA", "TM", "DT"})


def _text(ds: Dataset, tag: int) -> str:
    el = ds.get(tag)
    if el is None or el.value is None:
        return ""
    value = el.value
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return str(value).strip("\x00 ")


def _uid(value: str, where: str, file: str) -> str:
    if value and all(c in "0123456789." for c in value):
        return value
    resolved = getattr(uids, value, None)
    if not isinstance(resolved, str):
        raise RulesError(f"{value!r} is neither a UID nor a generated UID name",
                         file=file, where=where)
    return resolved


def _strings(value: Any, where: str, file: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise RulesError("expected a string or a list of strings", file=file, where=where)


def _policy(spec: Any, where: str, file: str) -> RetryPolicy:
    if not isinstance(spec, dict):
        raise RulesError("expected a table of RetryPolicy fields", file=file, where=where)
    try:
        return RetryPolicy.from_mapping(spec)
    except (ValueError, TypeError) as exc:
        raise RulesError(str(exc), file=file, where=where) from None


def _syntax(value: Any, lossy: bool, where: str, file: str) -> str:
    if value in (None, ""):
        return ""
    uid = _uid(str(value), where, file)
    ts = TRANSFER_SYNTAXES.get(uid)
    if ts is None:
        raise RulesError(f"{uid} is not a transfer syntax (PS3.6 Table A-1)", file=file,
                         where=where)
    if ts.lossless is False and not lossy:
        raise RulesError(f"{ts.name} is lossy: say lossy = true to allow it", file=file,
                         where=where)
    return uid


_DEST_FIELDS = {"host", "port", "called_ae", "calling_ae", "concurrency", "max_operations",
                "batch", "bandwidth", "windows", "transfer_syntax", "lossy", "retry", "breaker",
                "lease", "timeout"}
_RULE_FIELDS = {"name", "calling_ae", "sop_class", "modality", "match", "destinations",
                "priority", "transfer_syntax", "lossy"}


def _destination(name: str, spec: Any, file: str) -> Destination:
    where = f"destinations.{name}"
    if not isinstance(spec, dict):
        raise RulesError("expected a table", file=file, where=where)
    unknown = set(spec) - _DEST_FIELDS
    if unknown:
        raise RulesError(f"unknown field(s) {', '.join(sorted(unknown))}", file=file,
                         where=where)
    for key in ("host", "port", "called_ae"):
        if key not in spec:
            raise RulesError(f"{key} is required", file=file, where=where)
    try:
        called = validate_ae_title(spec["called_ae"], "called AE title")
        calling = validate_ae_title(spec.get("calling_ae", "DICOMKIT"), "calling AE title")
        breaker = spec.get("breaker", {})
        if not isinstance(breaker, dict) or set(breaker) - {"failure_threshold",
                                                            "reset_timeout"}:
            raise RulesError("breaker is a table of failure_threshold and reset_timeout",
                             file=file, where=where)
        lossy = bool(spec.get("lossy", False))
        dest = Destination(
            name=name, host=str(spec["host"]), port=int(spec["port"]), called_ae=called,
            calling_ae=calling, concurrency=int(spec.get("concurrency", 1)),
            max_operations=None if spec.get("max_operations") is None
            else int(spec["max_operations"]),
            batch=int(spec.get("batch", 32)),
            bandwidth=None if spec.get("bandwidth") is None else float(spec["bandwidth"]),
            windows=tuple(TimeWindow.parse(w) for w in _strings(spec.get("windows", []),
                                                                 where + ".windows", file)),
            transfer_syntax=_syntax(spec.get("transfer_syntax"), lossy,
                                    where + ".transfer_syntax", file),
            lossy=lossy,
            retry=None if "retry" not in spec else _policy(spec["retry"], where + ".retry",
                                                           file),
            failure_threshold=int(breaker.get("failure_threshold", 5)),
            reset_timeout=float(breaker.get("reset_timeout", 30.0)),
            lease=float(spec.get("lease", 300.0)), timeout=float(spec.get("timeout", 30.0)))
    except (ValueError, TypeError, AETitleError) as exc:
        raise RulesError(str(exc), file=file, where=where) from None
    if dest.concurrency < 1 or dest.batch < 1 or not 0 < dest.port < 65536 or \
            (dest.max_operations is not None and dest.max_operations < 1) or \
            (dest.bandwidth is not None and dest.bandwidth <= 0):
        raise RulesError("concurrency, batch, max_operations and bandwidth must be positive, "
                         "port in 1-65535", file=file, where=where)
    return dest


def _rule(index: int, spec: Any, dests: Mapping[str, Destination], file: str) -> Rule:
    where = f"rules[{index}]"
    if not isinstance(spec, dict):
        raise RulesError("expected a table", file=file, where=where)
    unknown = set(spec) - _RULE_FIELDS
    if unknown:
        raise RulesError(f"unknown field(s) {', '.join(sorted(unknown))}", file=file,
                         where=where)
    targets = _strings(spec.get("destinations", []), where + ".destinations", file)
    if not targets:
        raise RulesError("a rule needs destinations", file=file, where=where)
    for t in targets:
        if t not in dests:
            raise RulesError(f"no destination {t!r} (define [destinations.{t}])", file=file,
                             where=where)
    priority = spec.get("priority", "routine")
    if priority not in PRIORITIES:
        raise RulesError(f"priority is one of {', '.join(PRIORITIES)}", file=file,
                         where=where)
    query = None
    if "match" in spec:
        m = spec["match"]
        if not isinstance(m, dict) or not all(isinstance(v, str) for v in m.values()):
            raise RulesError("match is a table of attribute = \"value\" (PS3.4 C.2.2)",
                             file=file, where=where + ".match")
        try:
            query = parse_qido(list(m.items()))
        except QueryError as exc:
            raise RulesError(str(exc), file=file, where=where + ".match") from None
    lossy = spec.get("lossy")

    def opt(key: str) -> frozenset[str] | None:
        if key not in spec:
            return None
        values = _strings(spec[key], f"{where}.{key}", file)
        if key == "sop_class":
            values = [_uid(v, f"{where}.{key}", file) for v in values]
        return frozenset(v.strip() for v in values)

    return Rule(name=str(spec.get("name", f"rule {index + 1}")), destinations=tuple(targets),
                priority=PRIORITIES[priority], calling_ae=opt("calling_ae"),
                sop_classes=opt("sop_class"), modalities=opt("modality"), query=query,
                transfer_syntax=_syntax(spec.get("transfer_syntax"), bool(lossy),
                                        where + ".transfer_syntax", file),
                lossy=None if lossy is None else bool(lossy))


def parse_rules(data: Mapping[str, Any], *, file: str = "") -> Routing:
    """A :class:`Routing` from the parsed TOML (see the module).

    Raises
    ------
    RulesError
        For anything not of the form above, naming the table or key.
    """
    unknown = set(data) - {"defaults", "destinations", "rules", "sop_class_retry"}
    if unknown:
        raise RulesError(f"unknown table(s) {', '.join(sorted(unknown))}", file=file)
    raw_dests = data.get("destinations", {})
    if not isinstance(raw_dests, dict) or not raw_dests:
        raise RulesError("at least one [destinations.NAME] table is needed", file=file)
    dests = {name: _destination(name, spec, file) for name, spec in raw_dests.items()}
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RulesError("rules is an array of tables ([[rules]])", file=file)
    rules = tuple(_rule(i, spec, dests, file) for i, spec in enumerate(raw_rules))
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict) or set(defaults) - {"retry"}:
        raise RulesError("[defaults] holds only retry", file=file)
    default_retry = _policy(defaults["retry"], "defaults.retry", file) \
        if "retry" in defaults else RetryPolicy()
    per_class = data.get("sop_class_retry", {})
    if not isinstance(per_class, dict):
        raise RulesError("sop_class_retry is a table of SOP class -> retry policy", file=file)
    sop_retry = {_uid(k, "sop_class_retry", file): _policy(v, f"sop_class_retry.{k}", file)
                 for k, v in per_class.items()}
    return Routing(dests, rules, default_retry, sop_retry)


def load_rules(path: str | os.PathLike[str]) -> Routing:
    """Read a routing file (TOML, see the module).

    Raises
    ------
    RulesError
        When it cannot be read, is not TOML, or is not of the form above.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise RulesError(f"cannot read: {exc.strerror or exc}", file=name) from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"not TOML: {exc}", file=name) from None
    return parse_rules(data, file=name)
