"""``python -m dicomkit.codegen ...``: the same as ``dicomkit codegen ...``."""

from __future__ import annotations

import sys

from dicomkit.codegen.cli import main

sys.exit(main())
