#!/usr/bin/env python3
"""Carve a time window out of the rolling full-packet-capture ring and publish
it to the SOC share for the analyst working the ticket."""
import argparse
import logging
import os
import re
import shutil
import subprocess
import tempfile
from datetime import datetime

RING_DIR = "/var/spool/pcap/ring"
SHARE_DIR = "/srv/soc-share/pcaps"
TICKET_RE = re.compile(r"^(INC|SEC)-\d{3,7}$")
TS_FMT = "%Y-%m-%d %H:%M:%S"

log = logging.getLogger("pcap_export")


def ring_files(start: datetime, end: datetime) -> list:
    picked = []
    for name in sorted(os.listdir(RING_DIR)):
        path = os.path.join(RING_DIR, name)
        mtime = datetime.fromtimestamp(os.path.getmtime(path))
        if start <= mtime and mtime.timestamp() - 900 <= end.timestamp():
            picked.append(path)
    return picked


def carve(start: datetime, end: datetime, bpf: str, out_path: str) -> None:
    files = ring_files(start, end)
    if not files:
        raise SystemExit("no capture files cover that window")
    merged = tempfile.mktemp(suffix=".pcap", prefix="carve-")  # VULN
    try:
        subprocess.run(["mergecap", "-w", merged, *files], check=True, timeout=900)
        cmd = ["editcap", "-A", start.strftime(TS_FMT), "-B", end.strftime(TS_FMT), merged, out_path]
        subprocess.run(cmd, check=True, timeout=900)
        if bpf:
            filtered = out_path + ".f"
            subprocess.run(["tcpdump", "-r", out_path, "-w", filtered, bpf], check=True, timeout=900)
            os.replace(filtered, out_path)
    finally:
        if os.path.exists(merged):
            os.unlink(merged)


def publish(path: str, ticket: str) -> str:
    os.makedirs(SHARE_DIR, exist_ok=True)
    dest = os.path.join(SHARE_DIR, f"{ticket}-{os.path.basename(path)}")
    shutil.copy2(path, dest)
    os.chmod(dest, 0o777)  # VULN
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("ticket")
    ap.add_argument("--start", required=True, type=lambda s: datetime.strptime(s, TS_FMT))
    ap.add_argument("--end", required=True, type=lambda s: datetime.strptime(s, TS_FMT))
    ap.add_argument("--bpf", default="", help="optional BPF filter, e.g. 'host 10.2.3.4 and port 443'")
    args = ap.parse_args()
    if not TICKET_RE.match(args.ticket):
        ap.error("ticket must look like INC-12345")

    out = os.path.join(os.getcwd(), f"slice-{args.start:%Y%m%d%H%M%S}.pcap")
    carve(args.start, args.end, args.bpf, out)
    dest = publish(out, args.ticket)
    log.info("published %s (%d bytes)", dest, os.path.getsize(dest))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
