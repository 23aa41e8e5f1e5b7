#!/usr/bin/env python3
"""Cron job: publish hostnames of business-broadband DHCP clients into the customer DNS zone.

Reads ISC dhcpd leases and issues nsupdate requests for active leases that
carry a client-hostname option.
"""
import argparse
import logging
import os
import re
import sys
from datetime import datetime

log = logging.getLogger("lease-ddns")

LEASE_RE = re.compile(r"lease (?P<ip>[\d.]+) \{(?P<body>.*?)\n\}", re.S)
ZONE = os.environ.get("DDNS_ZONE", "biz.dyn.example.net")
TSIG_KEY = os.environ.get("DDNS_TSIG_KEY", "/etc/bind/ddns.key")
DNS_SERVER = os.environ.get("DDNS_SERVER", "127.0.0.1")


def parse_leases(text: str):
    leases = {}
    for m in LEASE_RE.finditer(text):
        body = m.group("body")
        if "binding state active" not in body:
            continue
        host = re.search(r'client-hostname "([^"]*)";', body)
        ends = re.search(r"ends \d (\S+ \S+);", body)
        if host is None:
            continue
        leases[m.group("ip")] = {
            "hostname": host.group(1).lower(),
            "ends": datetime.strptime(ends.group(1), "%Y/%m/%d %H:%M:%S") if ends else None,
        }
    return leases


def publish(ip: str, hostname: str, ttl: int, dry_run: bool) -> bool:
    fqdn = f"{hostname}.{ZONE}"
    script = (f"server {DNS_SERVER}\\nzone {ZONE}\\nupdate delete {fqdn} A\\n"
              f"update add {fqdn} {ttl} A {ip}\\nsend\\n")
    command = f"printf '{script}' | nsupdate -k {TSIG_KEY}"
    if dry_run:
        print(command)
        return True
    return os.system(command) == 0  # VULN flow


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--leases", default="/var/lib/dhcp/dhcpd.leases")
    ap.add_argument("--ttl", type=int, default=300)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    with open(args.leases, encoding="utf-8", errors="replace") as fh:
        leases = parse_leases(fh.read())
    now = datetime.utcnow()
    failures = 0
    for ip, info in leases.items():
        if info["ends"] and info["ends"] < now:
            continue
        if not info["hostname"]:
            continue
        if not publish(ip, info["hostname"], args.ttl, args.dry_run):
            failures += 1
            log.warning("nsupdate failed for %s (%r)", ip, info["hostname"])
    log.info("processed %d active leases, %d failures", len(leases), failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
