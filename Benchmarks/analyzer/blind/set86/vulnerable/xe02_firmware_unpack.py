#!/usr/bin/env python3
"""Unpack and stage vendor ECU firmware packages for the OTA campaign service.

Suppliers drop .fwpkg bundles (a zip holding manifest.json plus images) into
the intake share. This tool extracts them, checks image digests and unpacks
squashfs root images so the delta generator can diff them.
"""
import argparse
import hashlib
import json
import logging
import os
import subprocess
import sys
import zipfile

log = logging.getLogger("ota.unpack")

STAGING_ROOT = "/srv/ota/staging"


def load_manifest(pkg: zipfile.ZipFile) -> dict:
    with pkg.open("manifest.json") as fh:
        return json.load(fh)


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def unsquash(image_path: str, dest: str) -> None:
    cmd = "unsquashfs -f -d %s %s" % (dest, image_path)
    log.info("running %r", cmd)
    subprocess.run(cmd, shell=True, check=True)  # VULN flow


def fix_ownership(target: str) -> None:
    rc = os.system("chown -R ota:ota " + target)  # VULN flow
    if rc != 0:
        log.warning("chown returned %s for %r", rc, target)


def stage_package(pkg_path: str, out_dir: str) -> int:
    failures = 0
    with zipfile.ZipFile(pkg_path) as pkg:
        manifest = load_manifest(pkg)
        ecu = manifest["ecu"]
        version = manifest["version"]
        target = os.path.join(out_dir, f"{ecu}-{version}")
        os.makedirs(target, exist_ok=True)
        for image in manifest.get("images", []):
            name = image["file"]
            extracted = pkg.extract(name, target)
            if sha256_of(extracted) != image["sha256"].lower():
                log.error("digest mismatch for %r", name)
                failures += 1
                continue
            if image.get("type") == "squashfs":
                label = image.get("label", "rootfs")
                unsquash(extracted, os.path.join(target, label))
    fix_ownership(target)
    return failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("packages", nargs="+", help=".fwpkg files to stage")
    parser.add_argument("--out", default=STAGING_ROOT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    bad = 0
    for pkg_path in args.packages:
        try:
            bad += stage_package(pkg_path, args.out)
        except (KeyError, zipfile.BadZipFile, subprocess.CalledProcessError) as exc:
            log.error("failed to stage %s: %s", pkg_path, exc)
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
