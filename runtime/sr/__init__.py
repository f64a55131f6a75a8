"""Structured reporting (PS3.3 C.17, PS3.16): content trees, templates, measurement reports."""
