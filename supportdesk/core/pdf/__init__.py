"""Printed documents: procedure handouts, request receipts, period reports (reportlab).

Renderers in handout.py, receipt.py and report.py take plain dicts and return PDF bytes;
export.py fetches those dicts from the store and writes files, for the CLI and the desktop."""

from reportlab import rl_config

# Binary streams (Flate only), not ASCII85 on top: ASCII85 is for 7-bit mail transports, makes
# the file a quarter larger and was a tenth of a handout's time, encoded in pure Python.
rl_config.useA85 = 0
