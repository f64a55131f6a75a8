"""The DICOMweb server (PS3.18): QIDO-RS, WADO-RS and STOW-RS over a dicomkit archive, as an
ASGI application (Starlette on anyio, JSON by orjson), run by uvicorn (``dicomkit serve``).

Modules:
    app: :func:`create_app` and the request handlers (:class:`DicomWebServer`)
    config: :class:`ServerConfig`
    negotiation: the ``accept`` parameter, Accept header fields and q-values (PS3.18 8.7)
    qido: Search (10.6) through the query layer's matching
    wado: instances, metadata, frames and bulk data (10.4)
    rendered: rendered and thumbnail resources (8.3.5)
    stow: Store (10.5), part by part into the archive
    instances: the stored instances a path names
    urls: the public base URL (configured, Forwarded or X-Forwarded-*)
    cache: the byte-bounded caches of answers
    errors: :class:`HttpError`
"""

from dicomkit.web.server.app import DicomWebServer, create_app
from dicomkit.web.server.config import ServerConfig
from dicomkit.web.server.errors import HttpError

__all__ = ["DicomWebServer", "HttpError", "ServerConfig", "create_app"]
