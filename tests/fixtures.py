"""Where the tests' copies of real public data live (inside the clone; see tests/data/README.md)."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PORTAL_LISTS = DATA / "portal-lists"
PORTAL_PROCEDURES = DATA / "portal-procedures"
BTP_LIST = PORTAL_LISTS / "danh-sach-tthc-BoTuPhap.xlsx"  # Bộ Tư pháp's list export
BCA_LIST = PORTAL_LISTS / "danh-sach-tthc-BoCongAn.xlsx"  # Bộ Công an's list export
