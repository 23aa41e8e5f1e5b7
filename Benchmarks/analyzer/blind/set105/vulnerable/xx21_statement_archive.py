"""Bundle generated policyholder statements into monthly zips for the print vendor."""
import argparse
import logging
import os
import shutil
import sys
import zipfile
from datetime import date
from pathlib import Path

log = logging.getLogger("statements.archive")

SOURCE_DIR = Path(os.environ.get("STATEMENT_DIR", "/srv/docgen/statements"))
ARCHIVE_DIR = Path(os.environ.get("STATEMENT_ARCHIVE", "/srv/print-vendor/outbound"))
PRINT_GROUP = os.environ.get("PRINT_GROUP", "printsvc")


def collect(period: str):
    return sorted(SOURCE_DIR.glob(f"*_{period}.pdf"))


def build_bundle(files, period: str) -> Path:
    dest = ARCHIVE_DIR / period
    dest.mkdir(parents=True, exist_ok=True)
    os.chmod(dest, 0o777)  # VULN
    bundle = dest / f"statements_{period}.zip"
    with zipfile.ZipFile(bundle, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for f in files:
            zf.write(f, arcname=f.name)
    os.chmod(bundle, 0o666)  # VULN
    return bundle


def write_manifest(bundle: Path, files) -> Path:
    manifest = bundle.with_suffix(".manifest")
    manifest.write_text("\n".join(f.name for f in files) + "\n")
    return manifest


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--period", default=date.today().strftime("%Y%m"))
    parser.add_argument("--purge", action="store_true", help="delete source PDFs once bundled")
    args = parser.parse_args(argv)

    files = collect(args.period)
    if not files:
        log.warning("no statements found for %s", args.period)
        return 0
    bundle = build_bundle(files, args.period)
    manifest = write_manifest(bundle, files)
    for path in (bundle, manifest):
        shutil.chown(path, group=PRINT_GROUP)
    if args.purge:
        for f in files:
            f.unlink()
    log.info("archived %d statements into %s", len(files), bundle)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
