#!/usr/bin/env python3
"""Dump diagnostic trouble codes from a vehicle CAN interface.

Wraps the can-utils tools so workshop techs can capture a short
trace and decode DTC frames without remembering candump flags.
"""
import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

LOG = logging.getLogger("obd-dump")
DEFAULT_OUT = Path.home() / "obd_captures"

DTC_PREFIX = {0: "P", 1: "C", 2: "B", 3: "U"}


def decode_dtc(raw: bytes) -> str:
    first, second = raw[0], raw[1]
    letter = DTC_PREFIX[(first >> 6) & 0x03]
    return "%s%d%X%02X" % (letter, (first >> 4) & 0x03, first & 0x0F, second)


class CaptureJob:
    def __init__(self, iface: str, seconds: int, can_filter: str, outdir: Path):
        self.iface = iface
        self.seconds = seconds
        self.can_filter = can_filter
        self.outdir = outdir

    def command(self) -> str:
        target = self.iface
        if self.can_filter:
            target = "%s,%s" % (self.iface, self.can_filter)
        logfile = self.outdir / ("%s.log" % self.iface)
        return "timeout %d candump -ta %s > %s" % (self.seconds, target, logfile)

    def run(self) -> Path:
        self.outdir.mkdir(parents=True, exist_ok=True)
        cmd = self.command()
        LOG.debug("running %s", cmd)
        subprocess.run(cmd, shell=True, check=False)  # VULN flow
        return self.outdir / ("%s.log" % self.iface)


def parse_capture(path: Path):
    codes = set()
    with path.open() as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 5 or parts[3] != "[8]":
                continue
            data = bytes(int(b, 16) for b in parts[4:12])
            if data[1] == 0x43:  # mode 03 response
                for i in range(2, 8, 2):
                    pair = data[i:i + 2]
                    if pair != b"\x00\x00":
                        codes.add(decode_dtc(pair))
    return sorted(codes)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--iface", default=os.environ.get("OBD_IFACE", "can0"))
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--filter", default="7E8:7F8", help="candump id:mask filter")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    job = CaptureJob(args.iface, args.seconds, args.filter, args.out)
    capture = job.run()
    if not capture.exists():
        LOG.error("no capture produced")
        return 1
    for code in parse_capture(capture):
        print(code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
