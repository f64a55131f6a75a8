"""Conformance validation of data sets against the IODs, modules and macros of PS3.3."""
