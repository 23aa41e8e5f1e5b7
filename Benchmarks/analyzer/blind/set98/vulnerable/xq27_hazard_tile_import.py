#!/usr/bin/env python3
"""Import flood/hazard map tile bundles dropped by county emergency managers.

Bundles arrive in the SFTP inbox as zip files containing a manifest.json and a
z/x/y tile pyramid. This script is run from cron every 10 minutes.
"""
import argparse
import json
import logging
import os
import re
import shutil
import sys
import zipfile

log = logging.getLogger("hazard.import")

TILE_EXTS = (".png", ".webp", ".pbf")
COUNTY_RE = re.compile(r"^\d{5}$")


class BundleError(Exception):
    pass


def read_manifest(zf: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except KeyError:
        raise BundleError("manifest.json missing")
    if not COUNTY_RE.match(str(manifest.get("county_fips", ""))):
        raise BundleError("manifest has no valid county_fips")
    return manifest


def import_bundle(zip_path: str, dest_root: str) -> int:
    written = 0
    with zipfile.ZipFile(zip_path) as zf:
        manifest = read_manifest(zf)
        layer_dir = os.path.join(dest_root, manifest["county_fips"], "flood")
        for member in zf.infolist():
            if member.is_dir() or not member.filename.endswith(TILE_EXTS):
                continue
            target = os.path.join(layer_dir, member.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as dst:  # VULN flow
                shutil.copyfileobj(src, dst)
            written += 1
    log.info("imported %d tiles for county %s", written, manifest["county_fips"])
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--inbox", default="/srv/sftp/hazard-inbox")
    ap.add_argument("--tiles", default="/srv/tiles/hazard")
    ap.add_argument("--done", default="/srv/sftp/hazard-done")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    failures = 0
    for name in sorted(os.listdir(args.inbox)):
        if not name.endswith(".zip"):
            continue
        path = os.path.join(args.inbox, name)
        try:
            import_bundle(path, args.tiles)
        except (BundleError, zipfile.BadZipFile) as exc:
            log.error("bundle %r rejected: %s", name, exc)
            failures += 1
            continue
        shutil.move(path, os.path.join(args.done, name))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
