"""The Capabilities Description of the server (PS3.18 8.9, Annex H): ``OPTIONS /``.

Annex H: a WADL document (``application/vnd.sun.wadl+xml``) with one ``application`` element
holding one ``resources`` element whose ``base`` is the service's base URL, and a ``resource``
element for each resource of the tree of Table H-1 with its methods and child resources.
8.9.4 also allows ``application/json``: the same tree as JSON objects.

Nothing here is typed by hand from the standard: the tree is made from the server's own routes
(their paths, methods and handlers), each resource is named by the generated PS3.18 resource
table whose URI template it matches (:data:`dicomkit.generated.web.RESOURCES`), and each
method's query parameters come from the generated parameter tables of its transaction
(Search: Table 8.3.4-1; rendered: Table 8.3.5-1; thumbnails: Table 8.3.5-2; retrieve:
Table 10.4.1-5).  What is offered for each handler (:class:`Offer`) is given by the server.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dicomkit.generated.web import (
    RENDERED_PARAMETERS,
    RESOURCES,
    RETRIEVE_PARAMETERS,
    SEARCH_PARAMETERS,
    THUMBNAIL_PARAMETERS,
    QueryParameter,
)

__all__ = ["WADL", "WADL_NS", "Method", "Offer", "describe_json", "describe_wadl",
           "search_parameters", "rendered_parameters", "retrieve_parameters",
           "thumbnail_parameters"]

#: The media type of a WADL document (PS3.18 8.9.4)
WADL = "application/vnd.sun.wadl+xml"
#: The namespace of WADL (W3C Member Submission, 2009)
WADL_NS = "http://wadl.dev.java.net/2009/02"


def _names(rows: Sequence[QueryParameter], *targets: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.name for r in rows if not targets or r.target in targets))


def search_parameters() -> tuple[str, ...]:
    """The Search query parameters (Table 8.3.4-1) other than ``match`` (the attribute keys)."""
    return tuple(n for n in _names(SEARCH_PARAMETERS) if n != "match")


def rendered_parameters() -> tuple[str, ...]:
    """The query parameters of rendered resources (Table 8.3.5-1)."""
    return _names(RENDERED_PARAMETERS)


def thumbnail_parameters() -> tuple[str, ...]:
    """The query parameters of thumbnail resources (Table 8.3.5-2)."""
    return _names(THUMBNAIL_PARAMETERS)


def retrieve_parameters(metadata: bool = False) -> tuple[str, ...]:
    """The query parameters of Retrieve of instances or metadata (Table 10.4.1-5)."""
    targets = ("All Resources", "Metadata Resources") if metadata else ("All Resources",)
    return _names(RETRIEVE_PARAMETERS, *targets)


@dataclass(frozen=True)
class Offer:
    """What a handler takes and gives: its query parameters, the media types of the request
    body and of the answer."""

    parameters: tuple[str, ...] = ()
    request: tuple[str, ...] = ()
    response: tuple[str, ...] = ()


@dataclass(frozen=True)
class Method:
    """One route's method: the HTTP method, the route's path (a URI template of the server),
    the route's name and its :class:`Offer`."""

    method: str
    path: str
    name: str
    offer: Offer


@dataclass
class _Node:
    segment: str
    methods: list[Method] = field(default_factory=list)
    children: dict[str, _Node] = field(default_factory=dict)


def _template(uri: str) -> str:
    return uri.split("{?", 1)[0]


#: URI template -> the PS3.18 resource names of it (several transactions share a template)
def _standard_names() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in RESOURCES:
        if r.service == "Studies":
            names = out.setdefault(_template(r.uri_template), [])
            if r.name not in names:
                names.append(r.name)
    return out


def _tree(methods: Sequence[Method]) -> _Node:
    root = _Node("")
    for m in methods:
        node = root
        for seg in m.path.strip("/").split("/"):
            node = node.children.setdefault(seg, _Node(seg))
        node.methods.append(m)
    return root


def describe_wadl(methods: Sequence[Method], base: str) -> bytes:
    """The WADL document of these methods (PS3.18 Annex H), ``base`` the service's URL."""
    names = _standard_names()
    ET.register_namespace("", WADL_NS)
    q = f"{{{WADL_NS}}}"
    app = ET.Element(q + "application")
    doc = ET.SubElement(app, q + "doc", {"title": "dicomkit DICOMweb server"})
    doc.text = "Capabilities Description (PS3.18 8.9, Annex H)"
    resources = ET.SubElement(app, q + "resources", {"base": base.rstrip("/") + "/"})

    def add(parent: ET.Element, node: _Node, path: str) -> None:
        el = ET.SubElement(parent, q + "resource", {"path": node.segment})
        if node.segment.startswith("{") and node.segment.endswith("}"):
            ET.SubElement(el, q + "param", {"name": node.segment[1:-1], "style": "template",
                                            "type": "xsd:string", "required": "true"})
        for title in names.get(path, []):
            ET.SubElement(el, q + "doc", {"title": title})
        for m in node.methods:
            me = ET.SubElement(el, q + "method", {"name": m.method, "id": m.name})
            if m.offer.parameters or m.offer.request:
                req = ET.SubElement(me, q + "request")
                for p in m.offer.parameters:
                    ET.SubElement(req, q + "param", {"name": p, "style": "query",
                                                     "type": "xsd:string"})
                for t in m.offer.request:
                    ET.SubElement(req, q + "representation", {"mediaType": t})
            if m.offer.response:
                resp = ET.SubElement(me, q + "response")
                for t in m.offer.response:
                    ET.SubElement(resp, q + "representation", {"mediaType": t})
        for child in node.children.values():
            add(el, child, f"{path}/{child.segment}")

    for child in _tree(methods).children.values():
        add(resources, child, "/" + child.segment)
    text: bytes = ET.tostring(app, encoding="utf-8", xml_declaration=True)
    return text


def describe_json(methods: Sequence[Method], base: str) -> dict[str, Any]:
    """The same description as a JSON object (PS3.18 8.9.4 allows ``application/json``)."""
    names = _standard_names()

    def obj(node: _Node, path: str) -> dict[str, Any]:
        out: dict[str, Any] = {"path": node.segment}
        if path in names:
            out["resources"] = names[path]
        if node.methods:
            out["methods"] = [{"name": m.method, "id": m.name,
                               "parameters": list(m.offer.parameters),
                               "request": list(m.offer.request),
                               "response": list(m.offer.response)} for m in node.methods]
        if node.children:
            out["children"] = [obj(c, f"{path}/{c.segment}") for c in node.children.values()]
        return out

    root = _tree(methods)
    return {"base": base.rstrip("/") + "/",
            "resources": [obj(c, "/" + c.segment) for c in root.children.values()]}
