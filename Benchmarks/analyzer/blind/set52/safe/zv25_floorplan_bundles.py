"""Worker that unpacks floor-plan bundles uploaded by surveyors.

A bundle is a .tar.gz with SVG/PDF plans plus a manifest.json; after
unpacking we register each plan against the listing.
"""
import json
import logging
import os
import shutil
import tarfile
import tempfile

import click

log = logging.getLogger("floorplans")

PLAN_ROOT = os.environ.get("PLAN_ROOT", "/srv/listings/floorplans")
ALLOWED_EXT = {".svg", ".pdf", ".png"}


def _inside(base: str, candidate: str) -> bool:
    base = os.path.realpath(base)
    return os.path.commonpath([base, os.path.realpath(candidate)]) == base


def unpack_bundle(archive_path: str, dest: str) -> list:
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(archive_path, "r:*") as tar:
        members = [
            m for m in tar.getmembers()
            if (m.isfile() or m.isdir()) and _inside(dest, os.path.join(dest, m.name))
        ]
        tar.extractall(dest, members=members)
    return [m.name for m in members if m.isfile()]


def read_manifest(dest: str) -> dict:
    with open(os.path.join(dest, "manifest.json"), encoding="utf-8") as fh:
        return json.load(fh)


def publish(listing_id: int, staging: str, manifest: dict) -> list:
    target_dir = os.path.join(PLAN_ROOT, str(listing_id))
    os.makedirs(target_dir, exist_ok=True)
    published = []
    for plan in manifest.get("plans", []):
        rel = plan["file"]
        if os.path.splitext(rel)[1].lower() not in ALLOWED_EXT:
            log.warning("skipping %r: unsupported type", rel)
            continue
        src = os.path.join(staging, rel)
        dst = os.path.join(target_dir, os.path.basename(plan.get("publish_as", rel)))
        if not _inside(staging, src) or not _inside(target_dir, dst):
            log.warning("skipping %r: path escapes bundle", rel)
            continue
        shutil.copyfile(src, dst)
        published.append({"floor": plan.get("floor", "ground"), "path": dst})
    return published


@click.command()
@click.argument("archive", type=click.Path(exists=True, dir_okay=False))
@click.option("--listing-id", type=int, required=True)
@click.option("--keep-staging", is_flag=True)
def main(archive, listing_id, keep_staging):
    """Unpack ARCHIVE and publish its floor plans for a listing."""
    logging.basicConfig(level=logging.INFO)
    staging = tempfile.mkdtemp(prefix="plans-")
    try:
        names = unpack_bundle(archive, staging)
        log.info("unpacked %d files", len(names))
        manifest = read_manifest(staging)
        published = publish(listing_id, staging, manifest)
        click.echo(json.dumps({"listing_id": listing_id, "published": published}, indent=2))
    finally:
        if not keep_staging:
            shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    main()
