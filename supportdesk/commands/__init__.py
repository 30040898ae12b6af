"""Subcommands of the `supportdesk` command line, one module per domain (see cli.py)."""
