"""The audit trail and the metrics are low layers: importing them loads none of the network,
the archive, the web or the forwarding layers, which reach them through observers and hooks."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["dicomkit.audit", "dicomkit.metrics", "dicomkit.logs"])
def test_importing_loads_no_higher_layer(module: str) -> None:
    code = (f"import sys, {module}; print(sorted(m for m in sys.modules if m.split('.')[:2] in "
            "(['dicomkit', 'net'], ['dicomkit', 'archive'], ['dicomkit', 'web'], "
            "['dicomkit', 'forward'], ['dicomkit', 'cli'])))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
