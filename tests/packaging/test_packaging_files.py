"""The packaging files agree with each other and with the one version number."""

import configparser
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import supportdesk

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build_bundle  # noqa: E402 — packaging/ is a folder of scripts, not a package
import render_icons  # noqa: E402

LINUX = ROOT / "packaging" / "linux"
ISS = ROOT / "packaging" / "windows" / "supportdesk.iss"


def test_build_reads_the_version_of_the_package():
    assert build_bundle.version() == supportdesk.__version__


def test_desktop_entry_names_the_app_id_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in desktop files
    entry.read(LINUX / f"{build_bundle.APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == build_bundle.APP_ID
    assert desktop["Exec"] == "supportdesk"  # install.sh rewrites it to the absolute path
    assert "thủ tục hành chính" in desktop["Comment[vi]"]


def test_metainfo_is_valid_xml_with_the_version_placeholder():
    path = LINUX / f"{build_bundle.APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.findtext("id") == build_bundle.APP_ID
    assert root.find("launchable").text == f"{build_bundle.APP_ID}.desktop"
    assert root.find("releases/release").get("version") == "@VERSION@"


def test_icon_sizes_exist_for_linux_and_windows():
    for size in render_icons.PNG_SIZES:
        assert render_icons.png_path(size).stat().st_size > 0
    ico = (ROOT / "resources" / "icons" / "supportdesk.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"  # ICONDIR, type 1 = icon
    assert int.from_bytes(ico[4:6], "little") == len(render_icons.ICO_SIZES)


def test_inno_setup_script_installs_per_user_with_the_build_version():
    text = ISS.read_text(encoding="utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)
    assert "AppVersion={#AppVersion}" in text
    assert re.search(r"^#ifndef AppVersion", text, re.MULTILINE)
    assert 'Name: "vietnamese"' in text and 'Name: "english"' in text
    uninstall_delete = text.split("[UninstallDelete]")[1].split("\n[")[0]
    assert all("{app}" in line for line in uninstall_delete.splitlines() if line.startswith("Type"))
    isl = (ISS.parent / "Vietnamese.isl").read_text(encoding="utf-8-sig")
    assert "LanguageID=$042A" in isl and "ButtonCancel=Hủy" in isl
