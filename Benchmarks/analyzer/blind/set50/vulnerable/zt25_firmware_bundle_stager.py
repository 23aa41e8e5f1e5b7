"""Stage firmware bundles for the switch upgrade workflow.

Field engineers drop vendor bundles (tar.gz) into the SFTP drop box; this job
verifies the manifest checksum and unpacks each bundle into the TFTP tree.
"""
import argparse
import hashlib
import json
import logging
import os
import shutil
import sys
import tarfile
from pathlib import Path

log = logging.getLogger("fw-stage")

DROP_DIR = Path(os.environ.get("FW_DROP_DIR", "/srv/sftp/firmware-drop"))
STAGING_ROOT = Path(os.environ.get("FW_STAGING", "/srv/tftp/firmware"))
DONE_DIR = DROP_DIR / "processed"


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def load_manifest(archive: Path) -> dict:
    manifest = archive.with_suffix("").with_suffix(".json")
    with manifest.open() as fh:
        return json.load(fh)


def extract_bundle(archive: Path, model: str) -> Path:
    dest = STAGING_ROOT / model
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:*") as tar:
        names = tar.getnames()
        if not any(n.endswith(".bin") for n in names):
            raise ValueError("bundle contains no firmware image")
        tar.extractall(dest)  # VULN flow
    return dest


def process(archive: Path) -> bool:
    try:
        meta = load_manifest(archive)
    except (OSError, ValueError) as exc:
        log.warning("skipping %s: no usable manifest (%s)", archive.name, exc)
        return False
    if sha256_of(archive) != meta.get("sha256", "").lower():
        log.error("checksum mismatch for %s", archive.name)
        return False
    model = archive.name.split("_", 1)[0]
    dest = extract_bundle(archive, model)
    DONE_DIR.mkdir(exist_ok=True)
    shutil.move(str(archive), DONE_DIR / archive.name)
    log.info("staged %s into %s", archive.name, dest)
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--once", action="store_true", help="process current drops and exit")
    parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    failures = 0
    for archive in sorted(DROP_DIR.glob("*.tar.gz")):
        try:
            if not process(archive):
                failures += 1
        except (tarfile.TarError, ValueError) as exc:
            failures += 1
            log.error("failed to stage %s: %s", archive.name, exc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
