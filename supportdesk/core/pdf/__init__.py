"""Printed documents: procedure handouts, request receipts, period reports (reportlab).

Renderers in handout.py, receipt.py and report.py take plain dicts and return PDF bytes;
export.py fetches those dicts from the store and writes files, for the CLI and the desktop."""
