#!/usr/bin/env python3
"""Export completed A/B experiment results to gzipped CSV files.

Pulls every completed experiment of a project from the experimentation
API, writes one CSV per experiment and optionally ships it to S3.
"""
import argparse
import csv
import logging
import os
import sys

import requests

API = os.environ.get("XP_API", "https://experiments.internal.example.com")
FIELDS = ["variant", "users", "conversions", "rate"]
log = logging.getLogger("xp-export")


def fetch(path: str, token: str, **params):
    resp = requests.get(
        f"{API}{path}",
        headers={"Authorization": f"Bearer {token}"},
        params=params,
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


def write_csv(rows, out_path: str) -> None:
    with open(out_path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def compress(out_path: str, level: int) -> str:
    cmd = "gzip -%d -f '%s'" % (level, out_path)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"gzip exited with {rc}")
    return out_path + ".gz"


def upload(archive: str, bucket: str) -> None:
    cmd = f"aws s3 cp '{archive}' s3://{bucket}/experiments/ --only-show-errors"
    if os.system(cmd) != 0:  # VULN flow
        log.error("upload failed for %r", archive)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--token", default=os.environ.get("XP_TOKEN"))
    parser.add_argument("--project", required=True)
    parser.add_argument("--out", default="./exports")
    parser.add_argument("--level", type=int, default=6, choices=range(1, 10))
    parser.add_argument("--bucket")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    if not args.token:
        parser.error("--token or XP_TOKEN is required")
    os.makedirs(args.out, exist_ok=True)

    experiments = fetch(f"/v1/projects/{args.project}/experiments", args.token, status="completed")
    for exp in experiments:
        name = exp["name"].replace("/", "_")
        results = fetch(f"/v1/experiments/{exp['id']}/results", args.token)
        out_path = os.path.join(args.out, f"{name}.csv")
        write_csv(results["variants"], out_path)
        archive = compress(out_path, args.level)
        if args.bucket:
            upload(archive, args.bucket)
        log.info("exported %r", archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
