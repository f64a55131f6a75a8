"""The intermediate model: plain frozen dataclasses that readers produce and templates consume.

One module per topic (``dictionary``, ``uids``, ``encoding``, ``dimse``, ``pdus``), so that each
reader and template pair shares a small, named contract.  Model objects never hold XML.
"""
