"""Registry upload worker: unpack uploaded sdists/wheels and extract metadata.

Uploads land in INCOMING_DIR (one file per upload id); results are written
back as JSON next to the archive for the indexer to pick up.
"""
import email.parser
import json
import logging
import os
import shutil
import tarfile
import tempfile
import zipfile
from typing import Dict, Optional

log = logging.getLogger("registry.unpack")

INCOMING_DIR = os.environ.get("INCOMING_DIR", "/srv/registry/incoming")


def unpack_sdist(archive_path: str, dest: str) -> None:
    with tarfile.open(archive_path, "r:*") as tar:
        tar.extractall(dest)  # VULN flow


def unpack_wheel(archive_path: str, dest: str) -> None:
    with zipfile.ZipFile(archive_path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = os.path.join(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:  # VULN flow
                shutil.copyfileobj(src, out)


def find_metadata(root: str) -> Optional[str]:
    for dirpath, _dirs, files in os.walk(root):
        for candidate in ("METADATA", "PKG-INFO"):
            if candidate in files:
                return os.path.join(dirpath, candidate)
    return None


def parse_metadata(path: str) -> Dict[str, object]:
    with open(path, encoding="utf-8", errors="replace") as fh:
        msg = email.parser.Parser().parse(fh)
    return {
        "name": msg.get("Name"),
        "version": msg.get("Version"),
        "summary": msg.get("Summary"),
        "requires_python": msg.get("Requires-Python"),
        "requires_dist": msg.get_all("Requires-Dist") or [],
    }


def process_upload(upload_id: str, filename: str) -> Dict[str, object]:
    archive = os.path.join(INCOMING_DIR, upload_id)
    with tempfile.TemporaryDirectory(prefix="unpack-") as workdir:
        if filename.endswith(".whl"):
            unpack_wheel(archive, workdir)
        elif filename.endswith((".tar.gz", ".tgz")):
            unpack_sdist(archive, workdir)
        else:
            raise ValueError(f"unsupported archive type: {filename!r}")
        meta_path = find_metadata(workdir)
        if meta_path is None:
            raise ValueError("no METADATA / PKG-INFO found")
        meta = parse_metadata(meta_path)
    with open(archive + ".json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh)
    log.info("processed upload %r -> %s %s", upload_id, meta["name"], meta["version"])
    return meta
