#!/usr/bin/env python3
"""Render customer-supplied raster basemaps into XYZ tile pyramids.

Jobs are picked up from the upload bucket as small JSON manifests, e.g.
{"source": "harbour_survey.tif", "title": "Harbour survey 2023", "zoom": "10-17"}
"""
import argparse
import json
import logging
import os
import re
import subprocess
import sys

LOG = logging.getLogger("tiles")
DEFAULT_ZOOM = "4-14"
INCOMING = "/srv/tiles/incoming"
OUTPUT_ROOT = "/srv/tiles/out"
ZOOM_RE = re.compile(r"^\d{1,2}(-\d{1,2})?$")
PROFILES = {"mercator", "geodetic", "raster"}


def load_job(path):
    with open(path, encoding="utf-8") as fh:
        job = json.load(fh)
    job.setdefault("zoom", DEFAULT_ZOOM)
    job.setdefault("profile", "mercator")
    if not ZOOM_RE.match(str(job["zoom"])) or job["profile"] not in PROFILES:
        raise ValueError("invalid zoom or profile")
    return job


def build_command(src, out_dir, zoom, profile, title):
    parts = [
        "gdal2tiles.py",
        "--processes=4",
        f"--zoom={zoom}",
        f"--profile={profile}",
        "--webviewer=leaflet",
    ]
    if title:
        parts.append(f"--title={title}")
    parts += ["--", src, out_dir]
    return parts


def render(job, job_id):
    src = os.path.join(INCOMING, os.path.basename(job["source"]))
    out_dir = os.path.join(OUTPUT_ROOT, os.path.basename(job_id))
    os.makedirs(out_dir, exist_ok=True)

    cmd = build_command(src, out_dir, job["zoom"], job["profile"], job.get("title"))
    LOG.info("job %r: rendering %r", job_id, src)
    proc = subprocess.run(cmd, shell=False, capture_output=True, text=True)
    if proc.returncode != 0:
        LOG.error("gdal2tiles failed for %r: %s", job_id, proc.stderr[-2000:])
        return False
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", help="path to the job manifest JSON")
    parser.add_argument("--job-id", required=True)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    try:
        job = load_job(args.manifest)
    except (OSError, ValueError) as exc:
        LOG.error("cannot read manifest: %s", exc)
        return 2
    return 0 if render(job, args.job_id) else 1


if __name__ == "__main__":
    sys.exit(main())
