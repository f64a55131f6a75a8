"""Give pynetdicom ``TCP_NODELAY`` (it leaves Nagle's algorithm on, which costs a delayed-ACK
wait of ~40 ms per message on loopback and would make any comparison with it meaningless).

Imported by the pynetdicom peer scripts only; patches pynetdicom's socket creation.
"""

from __future__ import annotations

import socket
from typing import Any

from pynetdicom import transport


def enable_nodelay() -> None:
    """Set TCP_NODELAY on every socket pynetdicom makes (client) or accepts (server)."""
    create = transport.AssociationSocket._create_socket
    get_request = transport.AssociationServer.get_request

    def _create_socket(self: Any, address: Any) -> socket.socket:
        sock = create(self, address)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def _get_request(self: Any) -> tuple[socket.socket, tuple[str, int]]:
        sock, addr = get_request(self)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, addr

    transport.AssociationSocket._create_socket = _create_socket  # type: ignore[method-assign]
    transport.AssociationServer.get_request = _get_request  # type: ignore[method-assign]
