"""Codecs for encapsulated pixel data, one module per codec family (PS3.5 8.2, A.4)."""
