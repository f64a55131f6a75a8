"""dicomkit's code generators: NEMA DocBook / chunked XHTML -> model -> generated Python.

Data flows one way: a front-end (:mod:`.docbook`, :mod:`.chtml`) turns a part into the
format-neutral :mod:`.document` model; one reader per part (:mod:`.readers`) turns tables of that
model into plain dataclasses (:mod:`.model`); jinja2 templates render them into ``generated/``
(:mod:`.emit`).  The generators never import the runtime (only the root exception type).
"""

from __future__ import annotations

GENERATOR_VERSION = "1.0.0"
