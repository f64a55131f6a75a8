"""Fixtures of the networking tests: the real peers (dcmtk, pynetdicom) of :mod:`tests.net.peers`."""

from tests.net.peers import dcmtk_peers, dcmtk_tls_peers, pynetdicom_peer, tls_files

__all__ = ["dcmtk_peers", "dcmtk_tls_peers", "pynetdicom_peer", "tls_files"]
