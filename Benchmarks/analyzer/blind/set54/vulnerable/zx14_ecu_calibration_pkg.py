#!/usr/bin/env python3
"""Fetch and stage ECU calibration packages for the workshop flasher.

Packages are zip files published by powertrain suppliers on their
portals; each contains manifest.yaml plus one or more .hex images.
"""
import hashlib
import io
import logging
import zipfile
from pathlib import Path

import click
import requests
import yaml

log = logging.getLogger("ecu-pkg")
STAGING = Path("/opt/flasher/staging")


def download(url: str) -> bytes:
    resp = requests.get(url, timeout=30)
    resp.raise_for_status()
    return resp.content


def read_manifest(archive: zipfile.ZipFile) -> dict:
    with archive.open("manifest.yaml") as fh:
        text = fh.read().decode("utf-8")
    manifest = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(manifest, dict) or "images" not in manifest:
        raise click.ClickException("manifest.yaml missing 'images'")
    return manifest


def verify_image(data: bytes, expected_sha256: str) -> bool:
    return hashlib.sha256(data).hexdigest() == expected_sha256.lower()


def stage_package(blob: bytes, ecu: str) -> list:
    staged = []
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        manifest = read_manifest(archive)
        target = STAGING / ecu / str(manifest.get("version", "unknown"))
        target.mkdir(parents=True, exist_ok=True)
        for image in manifest["images"]:
            name = Path(image["file"]).name
            data = archive.read(image["file"])
            if not verify_image(data, image["sha256"]):
                raise click.ClickException("checksum mismatch for %s" % name)
            out = target / name
            out.write_bytes(data)
            staged.append(out)
    return staged


@click.command()
@click.argument("package_url")
@click.option("--ecu", required=True, help="ECU part number, e.g. 8V0907115")
@click.option("--dry-run", is_flag=True)
@click.option("-v", "--verbose", is_flag=True)
def main(package_url, ecu, dry_run, verbose):
    """Download PACKAGE_URL and stage its images for ECU."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    blob = download(package_url)
    if dry_run:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            manifest = read_manifest(archive)
        click.echo("would stage %d images (version %s)" % (len(manifest["images"]), manifest.get("version")))
        return
    for path in stage_package(blob, ecu):
        click.echo("staged %s" % path)


if __name__ == "__main__":
    main()
