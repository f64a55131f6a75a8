"""The Query/Retrieve service class as SCU and SCP (PS3.4 Annex C): C-FIND, C-MOVE, C-GET, C-CANCEL.

* :mod:`~dicomkit.net.services.qr.keys` - typed query keys and request identifiers;
* :mod:`~dicomkit.net.services.qr.negotiation` - contexts (with SCP role selection for
  C-GET) and SOP Class Extended Negotiation (relational queries ...);
* :mod:`~dicomkit.net.services.qr.find` - :func:`find`, :func:`find_studies` ...;
* :mod:`~dicomkit.net.services.qr.retrieve` - :func:`move`, :func:`get` with progress;
* :mod:`~dicomkit.net.services.qr.operation` - one request's responses, C-CANCEL, limits;
* :mod:`~dicomkit.net.services.qr.errors` - what can go wrong.

And as SCP over an archive (imported by name: they need the ``archive`` extra):

* :mod:`~dicomkit.net.services.qr.scp` - :class:`FindSCP`, :class:`MoveSCP`, :class:`GetSCP`;
* :mod:`~dicomkit.net.services.qr.archive_query` - identifiers matched by the archive's index;
* :mod:`~dicomkit.net.services.qr.server` - :func:`archive_entity`, what ``dicomkit qrscp``
  serves.

The information models, levels, unique and required keys and the extended negotiation
fields come from :mod:`dicomkit.generated.query_retrieve`.
"""

from __future__ import annotations

from dicomkit.net.services.qr.errors import (
    IdentifierError,
    NoContextError,
    QueryFailed,
    QueryRetrieveError,
    QueryTimeout,
    RetrieveFailed,
)
from dicomkit.net.services.qr.find import (
    FindResults,
    find,
    find_all,
    find_instances,
    find_patients,
    find_series,
    find_studies,
)
from dicomkit.net.services.qr.keys import QueryKeyError, Range, identifier, parse_key_argument
from dicomkit.net.services.qr.negotiation import (
    accepted_options,
    extended_negotiation,
    get_contexts,
    query_contexts,
    relational_extended,
)
from dicomkit.net.services.qr.retrieve import (
    Progress,
    Retrieve,
    RetrieveResult,
    get,
    get_all,
    move,
    move_all,
)

__all__ = [
    "FindResults", "IdentifierError", "NoContextError", "Progress", "QueryFailed",
    "QueryKeyError", "QueryRetrieveError", "QueryTimeout", "Range", "Retrieve",
    "RetrieveFailed", "RetrieveResult", "accepted_options", "extended_negotiation", "find",
    "find_all", "find_instances", "find_patients", "find_series", "find_studies", "get",
    "get_all", "get_contexts", "identifier", "move", "move_all", "parse_key_argument",
    "query_contexts", "relational_extended",
]
