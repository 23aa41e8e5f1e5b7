#!/usr/bin/env python3
"""Watch-folder converter: turns radiograph DICOM uploads from partner clinics
into PNG previews for the referral portal.

Partner clinics drop ``.dcm`` files plus an optional ``.json`` sidecar with
patient metadata into the SFTP inbox; this runs from cron every five minutes.
"""
import argparse
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("xray_convert")

DEFAULT_INBOX = "/srv/radiology/inbox"
DEFAULT_OUTBOX = "/srv/radiology/previews"
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
VIEWS = {"lateral", "vd", "dv", "oblique"}


def read_sidecar(dicom_path: Path) -> dict:
    sidecar = dicom_path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    with sidecar.open() as fh:
        return json.load(fh)


def preview_name(meta: dict, dicom_path: Path) -> str:
    patient = _UNSAFE_CHARS.sub("_", str(meta.get("patient_name", dicom_path.stem)))[:64]
    view = meta.get("view", "lateral")
    if view not in VIEWS:
        view = "lateral"
    return f"{patient or 'unknown'}_{view}.png"


def convert(dicom_path: Path, outbox: Path, window: int) -> bool:
    meta = read_sidecar(dicom_path)
    target = outbox / preview_name(meta, dicom_path)
    cmd = ["dcmj2pnm", "--write-png", "--use-window", str(window), "--", str(dicom_path), str(target)]
    log.info("converting %s", dicom_path.name)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        log.error("dcmj2pnm failed for %r: %s", dicom_path.name, result.stderr.strip())
        return False
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Convert radiograph uploads to PNG")
    parser.add_argument("--inbox", default=DEFAULT_INBOX)
    parser.add_argument("--outbox", default=DEFAULT_OUTBOX)
    parser.add_argument("--window", type=int, default=1, help="VOI window index")
    parser.add_argument("--remove", action="store_true", help="delete source after conversion")
    args = parser.parse_args(argv)

    inbox, outbox = Path(args.inbox), Path(args.outbox)
    outbox.mkdir(parents=True, exist_ok=True)
    failures = 0
    for dicom_path in sorted(inbox.glob("*.dcm")):
        if convert(dicom_path, outbox, args.window):
            if args.remove:
                os.remove(dicom_path)
        else:
            failures += 1
    log.info("done, %d failure(s)", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
