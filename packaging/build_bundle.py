"""Build the SupportDesk bundle (one folder) and the installer for this platform.

    python packaging/build_bundle.py            # dist/SupportDesk/, checked, + Linux tarball
    python packaging/build_bundle.py --installer # Windows: also the Inno Setup installer

Runs with the Python whose site-packages hold the app's dependencies and PyInstaller
(`pip install -e '.[package]'`); packaging/build.sh does that in a fresh venv from a clean clone.
After PyInstaller, the built program must list every subcommand of the source tree and pass
`self-test` offscreen, so a bundle that lost a module or a resource never leaves this script."""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "SupportDesk"
WORK = ROOT / "build" / "pyinstaller"
WINDOWS = sys.platform == "win32"
APP_ID = "io.github.supportdesk.SupportDesk"  # the AppStream / desktop-file id
SIZE_BUDGET_MIB = 150


def version() -> str:
    """`__version__` from supportdesk/__init__.py, read as text: the single source of the number."""
    text = (ROOT / "supportdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("supportdesk/__init__.py: no __version__")
    return found.group(1)


def cli_executable() -> Path:
    return BUNDLE / ("supportdesk-cli.exe" if WINDOWS else "supportdesk")


def folder_size_mib(folder: Path) -> float:
    """Bytes on disk in MiB (as `du` shows); PyInstaller's symlinks to libraries count once."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def run_pyinstaller() -> None:
    for old in (WORK, BUNDLE):
        shutil.rmtree(old, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(ROOT / "packaging" / "supportdesk.spec"),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def frozen(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    # A data dir inside the build tree: a check must never touch the builder's own store.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SUPPORTDESK_DATA_DIR": str(ROOT / "build" / "check-data"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [str(cli_executable()), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
    )


def expected_commands() -> set[str]:
    sys.path.insert(0, str(ROOT))
    from supportdesk.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")  # argparse has no public getter
    return set(sub.choices)


def check_commands() -> None:
    """The frozen CLI must list every subcommand: pkgutil discovery is what freezing breaks."""
    out = frozen("--help")
    if out.returncode != 0:
        raise SystemExit(f"frozen --help failed:\n{out.stdout}{out.stderr}")
    listed = set(re.findall(r"^ {4}([a-z][a-z0-9-]*)\s", out.stdout, re.MULTILINE))
    missing = expected_commands() - listed
    if missing:
        raise SystemExit(f"frozen CLI lacks subcommands: {', '.join(sorted(missing))}")
    print(f"subcommands: {', '.join(sorted(listed))}")


def check_self_test() -> None:
    out = frozen("self-test")
    print(out.stdout, end="")
    if out.returncode != 0:
        raise SystemExit(f"frozen self-test failed (exit {out.returncode}):\n{out.stderr}")


def linux_tarball(ver: str) -> Path:
    """The bundle plus desktop entry, metainfo, icons and install.sh, as one .tar.gz."""
    linux, icons = ROOT / "packaging" / "linux", ROOT / "resources" / "icons"
    share = BUNDLE / "share"
    shutil.rmtree(share, ignore_errors=True)
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    metainfo = (linux / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    today = time.strftime("%Y-%m-%d")
    metainfo = metainfo.replace("@VERSION@", ver).replace("@DATE@", today)
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "supportdesk.svg", scalable / f"{APP_ID}.svg")
    for png in sorted((icons / "png").glob("supportdesk-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(png, target / f"{APP_ID}.png")
    shutil.copy2(linux / "install.sh", BUNDLE / "install.sh")
    (BUNDLE / "install.sh").chmod(0o755)
    archive = DIST / f"SupportDesk-{ver}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(BUNDLE, arcname=f"SupportDesk-{ver}")
    return archive


def find_iscc(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    found = shutil.which("iscc")
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
        if not found and base and candidate.exists():
            found = str(candidate)
    return found


def windows_installer(ver: str, iscc: str | None) -> Path | None:
    script = ROOT / "packaging" / "windows" / "supportdesk.iss"
    numeric = re.match(r"\d+(\.\d+){0,3}", ver).group()  # Windows version resources: digits only
    command = [
        f"/DAppVersion={ver}",
        f"/DFileVersion={numeric}",
        f"/DBundleDir={BUNDLE}",
        f"/O{DIST}",
        str(script),
    ]
    if not iscc:
        print("Inno Setup (ISCC.exe) not found; build the installer with:")
        print("  iscc " + " ".join(f'"{c}"' if " " in c else c for c in command))
        return None
    subprocess.run([iscc, *command], check=True)
    return DIST / f"SupportDesk-{ver}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-pyinstaller", action="store_true", help="check the built bundle")
    parser.add_argument("--no-self-test", action="store_true")
    parser.add_argument("--installer", action="store_true", help="Windows: run Inno Setup too")
    parser.add_argument("--iscc", help="path of ISCC.exe (default: PATH, Program Files)")
    args = parser.parse_args(argv)

    ver = version()
    started = time.perf_counter()
    if not args.skip_pyinstaller:
        run_pyinstaller()
    built = time.perf_counter() - started
    check_commands()
    if not args.no_self_test:
        check_self_test()
    size = folder_size_mib(BUNDLE)
    verdict = "within" if size <= SIZE_BUDGET_MIB else "OVER"
    print(f"SupportDesk {ver}: {BUNDLE} — {size:.1f} MiB ({verdict} {SIZE_BUDGET_MIB} MiB)")
    print(f"PyInstaller took {built:.0f} s")
    if WINDOWS:
        if args.installer:
            made = windows_installer(ver, find_iscc(args.iscc))
            if made:
                print(f"installer: {made}")
    else:
        print(f"tarball: {linux_tarball(ver)}")
    return 0 if size <= SIZE_BUDGET_MIB else 1


if __name__ == "__main__":
    sys.exit(main())
