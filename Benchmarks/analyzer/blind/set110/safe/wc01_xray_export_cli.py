#!/usr/bin/env python3
"""Export intraoral X-ray series as JPEG previews for referral requests.

The patient portal drops a small JSON request into the referral spool
directory; this script is run from cron to fulfil them.
"""
import argparse
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("xray_export")

DCMTK_BIN = os.environ.get("DCMTK_BIN", "/usr/bin")
IMAGING_ROOT = Path(os.environ.get("IMAGING_ROOT", "/srv/imaging/xray"))
DEFAULT_QUALITY = 85


def load_request(path: Path) -> dict:
    with path.open() as fh:
        data = json.load(fh)
    data.setdefault("quality", DEFAULT_QUALITY)
    return data


def build_convert_cmd(src: str, dest: str, quality: int) -> list:
    tool = os.path.join(DCMTK_BIN, "dcmj2pnm")
    return [tool, "--write-jpeg", "--compr-quality", str(quality), src, dest]


def export_series(series_dir: Path, out_dir: Path, quality: int, label: str) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    label = re.sub(r"[^A-Za-z0-9_-]", "_", label)[:40] or "referral"
    count = 0
    for dcm in sorted(series_dir.glob("*.dcm")):
        target = out_dir / f"{label}_{dcm.stem}.jpg"
        cmd = build_convert_cmd(str(dcm), str(target), quality)
        log.debug("running %r", cmd)
        rc = subprocess.call(cmd)
        if rc != 0:
            log.warning("conversion failed for %s (rc=%d)", dcm.name, rc)
            continue
        count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("spool", type=Path, help="directory with pending *.json requests")
    parser.add_argument("--out", type=Path, default=Path("/srv/referrals/outbox"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    done = 0
    for req_file in sorted(args.spool.glob("*.json")):
        req = load_request(req_file)
        series_dir = IMAGING_ROOT / str(int(req["patient_id"])) / str(int(req["series"]))
        label = req.get("specialist", "referral")
        n = export_series(series_dir, args.out / req_file.stem, int(req["quality"]), label)
        log.info("%s: exported %d images", req_file.name, n)
        req_file.rename(req_file.with_suffix(".done"))
        done += 1
    log.info("processed %d requests", done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
