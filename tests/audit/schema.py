"""The PS3.15 A.5.1.1 schema (generated from PS3.15 2026c) as a RELAX NG validator, and the
mandatory fields of A.5.3, for the audit tests."""

from __future__ import annotations

import functools

from lxml import etree

from dicomkit.generated import audit
from tests.conftest import missing


@functools.cache
def validator() -> etree.RelaxNG:
    try:
        import rnc2rng
    except ImportError:
        missing("rnc2rng (pip install -e '.[test]')")
    rng = rnc2rng.dumps(rnc2rng.loads(audit.SCHEMA_RNC))
    return etree.RelaxNG(etree.fromstring(rng.encode()))


def assert_valid(xml: bytes) -> None:
    """The document validates against the schema of PS3.15 A.5.1.1."""
    schema = validator()
    doc = etree.fromstring(xml)
    assert schema.validate(doc), f"{schema.error_log}\n{xml.decode()}"
