"""Downloads flow computer firmware from the vendor support portal and flashes
the units at a custody-transfer metering station.

    fc-firmware --station MS-12 --baud 115200
"""
import argparse
import hashlib
import logging
import os
import re
import subprocess
import sys
import tempfile

import requests

log = logging.getLogger("fc_firmware")

PORTAL = "https://support.flowvendor.example/api/firmware"
FLOWTOOL = "/opt/flowvendor/bin/flowtool"
PORT_RE = re.compile(r"^/dev/tty(USB|S|ACM)\d{1,3}$")


def portal_headers() -> dict:
    return {"Authorization": f"Token {os.environ['FLOWVENDOR_TOKEN']}"}


def fetch_manifest(station: str) -> dict:
    r = requests.get(f"{PORTAL}/manifests/{station}", headers=portal_headers(), timeout=30, verify=True)
    r.raise_for_status()
    return r.json()


def download_image(url: str, dest: str) -> str:
    sha = hashlib.sha256()
    with requests.get(url, headers=portal_headers(), stream=True, timeout=120, verify=True) as r:
        r.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in r.iter_content(chunk_size=1 << 16):
                fh.write(chunk)
                sha.update(chunk)
    return sha.hexdigest()


def flash(device: dict, image_path: str, baud: int) -> None:
    port, unit_id = str(device["port"]), int(device["unit_id"])
    if not PORT_RE.match(port):
        raise ValueError(f"unexpected serial port {port!r}")
    cmd = [FLOWTOOL, "flash", "--port", port, "--unit", str(unit_id),
           "--baud", str(baud), "--image", image_path]
    log.info("flashing unit %r on %r", unit_id, port)
    subprocess.check_call(cmd)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Flow computer firmware rollout")
    ap.add_argument("--station", required=True)
    ap.add_argument("--baud", type=int, default=115200, choices=[9600, 38400, 115200])
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    manifest = fetch_manifest(args.station)
    workdir = tempfile.mkdtemp(prefix="fcfw_")
    image = os.path.join(workdir, "firmware.bin")
    digest = download_image(manifest["image_url"], image)
    if digest != manifest["sha256"]:
        log.error("checksum mismatch: got %s expected %r", digest, manifest["sha256"])
        return 2
    failed = 0
    for device in manifest["devices"]:
        if args.dry_run:
            print("would flash", device["unit_id"], "on", device["port"])
            continue
        try:
            flash(device, image, args.baud)
        except (subprocess.CalledProcessError, ValueError) as exc:
            failed += 1
            log.error("unit %r failed: %r", device["unit_id"], exc)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
