#!/usr/bin/env python3
"""Batch SIM activation helper for the provisioning desk.

Reads a CSV of ICCID/IMSI/profile rows exported from the order system and
pushes each one to the HLR front-end through the vendor provisioning tool.
"""
import argparse
import csv
import logging
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass

log = logging.getLogger("sim_activation")

HLR_TOOL = os.environ.get("HLR_TOOL", "/opt/hlrtools/bin/hlrprov")
DEFAULT_NODE = "hlr-fe-01"
_DIGITS = re.compile(r"^\d{10,20}$")
_PROFILE = re.compile(r"^[A-Z0-9_]{1,32}$")


@dataclass
class SimOrder:
    iccid: str
    imsi: str
    msisdn: str
    profile: str


def load_orders(path):
    orders = []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            orders.append(SimOrder(
                iccid=row["iccid"].strip(),
                imsi=row["imsi"].strip(),
                msisdn=row["msisdn"].strip(),
                profile=(row.get("profile") or "PREPAID_STD").strip(),
            ))
    return orders


def build_command(order, node):
    for value in (order.iccid, order.imsi, order.msisdn):
        if not _DIGITS.match(value):
            raise ValueError("malformed identifier %r" % value)
    if not _PROFILE.match(order.profile):
        raise ValueError("unknown profile %r" % order.profile)
    return [HLR_TOOL, "--node", node, "create-sub",
            "--imsi", order.imsi, "--msisdn", order.msisdn,
            "--profile", order.profile, "--iccid", order.iccid]


def activate(order, node, dry_run=False):
    try:
        cmd = build_command(order, node)
    except ValueError as exc:
        log.error("skipping order: %s", exc)
        return 2
    if dry_run:
        print(shlex.join(cmd))
        return 0
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.error("activation failed for %r: %r", order.iccid, proc.stderr.strip())
    return proc.returncode


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("orders_csv", help="export from the order management system")
    parser.add_argument("--node", default=DEFAULT_NODE)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")

    orders = load_orders(args.orders_csv)
    log.info("loaded %d orders from %r", len(orders), args.orders_csv)
    failures = 0
    for order in orders:
        if activate(order, args.node, args.dry_run) != 0:
            failures += 1
    log.info("done: %d ok, %d failed", len(orders) - failures, failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
