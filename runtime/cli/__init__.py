"""The ``dicomkit`` command line: one module per subcommand."""
