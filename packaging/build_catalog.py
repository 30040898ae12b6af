"""Build resources/catalog/procedures.json.gz from the portal procedure Markdown files, and the
pack a new store copies it from (resources/catalog/procedures.sqlite.gz).

    python packaging/build_catalog.py [SRC_DIR] [OUT_FILE]
    python packaging/build_catalog.py --pack      # only the pack, from the committed catalog

SRC_DIR defaults to shared/data/portal-procedures next to the repository (looked up in the
repository's parent folders, so a git worktree finds it too); OUT_FILE to
resources/catalog/procedures.json.gz. Every procedure of every level is kept (a file naming no
level keeps an empty ``levels``). The JSON is compact, one procedure per line, and gzip-compressed
without a time stamp or file name, so that rerunning gives the same text (the same bytes with the
same zlib).

The pack is the shipped catalog imported into an empty store by the ordinary import, so that a
new data dir copies it instead of indexing 2,104 procedures (supportdesk/core/catalog/shipped.py).
Rebuild it with --pack after a change of the schema or of the search columns: the test
tests/core/catalog/test_catalog_pack.py says when. It needs no portal data.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))  # run as a plain script from a source checkout

from supportdesk.core.catalog.portal_markdown import SNAPSHOT_DATE, iter_portal_directory  # noqa: E402

DEFAULT_OUT = REPO_ROOT / "resources" / "catalog" / "procedures.json.gz"
PACK_OUT = REPO_ROOT / "resources" / "catalog" / "procedures.sqlite.gz"
SOURCE = (
    "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), thủ tục mọi cấp; "
    f"via github.com/suzynotsusie/data-pipeline raw_data/, snapshot {SNAPSHOT_DATE}"
)


def default_source_dir() -> Path:
    relative = Path("shared", "data", "portal-procedures")
    for parent in REPO_ROOT.parents:
        if (parent / relative).is_dir():
            return parent / relative
    return REPO_ROOT.parent / relative


def catalog_text(catalog: dict) -> str:
    """The compact JSON text: header keys, then one procedure per line (diffable once gunzipped)."""
    header = {k: v for k, v in catalog.items() if k != "procedures"}
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    lines = [json.dumps(p, **compact) for p in catalog["procedures"]]
    head = json.dumps(header, **compact)[:-1]
    return head + ',"procedures":[\n' + ",\n".join(lines) + "\n]}\n"


def build(src_dir: Path) -> str:
    """The catalog JSON text for every procedure in ``src_dir``, sorted by code."""
    procedures: dict[str, dict] = {}
    for procedure in iter_portal_directory(src_dir):
        if procedure["code"] in procedures:
            raise ValueError(f"{src_dir}: procedure code {procedure['code']} appears twice")
        procedures[procedure["code"]] = procedure
    if not procedures:
        raise ValueError(f"{src_dir}: no procedure Markdown files found")
    catalog = {
        "format": "supportdesk-catalog/1",
        "version": f"portal-{SNAPSHOT_DATE}",
        "source": SOURCE,
        "procedures": [procedures[code] for code in sorted(procedures)],
    }
    return catalog_text(catalog)


def gzip_bytes(text: str) -> bytes:
    """gzip with mtime 0 and no file name: the bytes depend on the text only."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def build_pack(catalog_file: Path = DEFAULT_OUT, out: Path = PACK_OUT) -> None:
    from supportdesk.core.catalog import shipped

    count = shipped.build_pack(catalog_file, out)
    print(f"{count} procedures packed into {out} ({out.stat().st_size:,} bytes)")


def main(argv: list[str]) -> int:
    if argv == ["--pack"]:
        build_pack()
        return 0
    if len(argv) > 2 or any(a.startswith("-") for a in argv):
        print(__doc__, file=sys.stderr)
        return 2
    src_dir = Path(argv[0]) if argv else default_source_dir()
    out_file = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    text = build(src_dir)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    if out_file.suffix == ".gz":
        out_file.write_bytes(gzip_bytes(text))
    else:
        out_file.write_text(text, encoding="utf-8", newline="\n")
    count = len(json.loads(text)["procedures"])
    print(f"{count} procedures written to {out_file} ({out_file.stat().st_size:,} bytes)")
    if out_file == DEFAULT_OUT:
        build_pack()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
