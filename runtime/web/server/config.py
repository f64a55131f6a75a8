"""What a DICOMweb server is configured with (:class:`ServerConfig`)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ServerConfig"]


@dataclass(frozen=True)
class ServerConfig:
    """The choices of a DICOMweb server (its Conformance Statement, PS3.18 8.9).

    Attributes
    ----------
    public_url
        The base URL clients reach the server at (``https://pacs.example/dicom-web``), used for
        Retrieve URLs and BulkDataURIs.  None: built from each request's ``Forwarded`` or
        ``X-Forwarded-*`` header fields (RFC 7239), else its Host.
    allow_delete
        Answer DELETE of studies, series and instances (off by default: a 405).
    max_results
        The most matches a search answers when it gives no smaller ``limit``; more are cut with
        ``Warning: 299`` (PS3.18 8.3.4.4).
    max_request_bytes
        The largest STOW-RS request body (413 beyond it).
    max_part_header_bytes
        The largest header block of a multipart part (400 beyond it).
    bulk_data_threshold
        Values larger than this many bytes are sent as BulkDataURI in metadata (PS3.18 F.2.6).
    cors_origins
        Origins allowed to call the server from a browser (``("*",)``: any).
    metadata_cache_bytes, rendered_cache_bytes
        Sizes of the caches of per-instance metadata JSON and of rendered images.
    search_cache_seconds
        How long a Search answer is reused while this process has not changed the archive
        (changes made through the server, or the DIMSE services of ``dicomkit serve``, are seen
        at once; another process's within this time).  0: no cache.
    search_cache_bytes
        Size of that cache.
    gzip_minimum_bytes
        JSON and XML answers at least this large are gzipped for clients whose
        Accept-Encoding takes it (:mod:`dicomkit.web.server.compression`); None: never.
    policy
        The duplicate policy of STOW-RS (``"keep"``, ``"replace"``, ``"reject"``); None: the
        archive's.
    """

    public_url: str | None = None
    allow_delete: bool = False
    max_results: int = 1000
    max_request_bytes: int = 4 << 30
    max_part_header_bytes: int = 16 * 1024
    bulk_data_threshold: int = 1024
    cors_origins: tuple[str, ...] = field(default=("*",))
    metadata_cache_bytes: int = 256 << 20
    rendered_cache_bytes: int = 64 << 20
    search_cache_seconds: float = 2.0
    search_cache_bytes: int = 32 << 20
    policy: str | None = None
    gzip_minimum_bytes: int | None = 1024
