#!/usr/bin/env python3
"""Nightly cron job: merge per-sample VCFs of every cohort into a joint call set."""
import argparse
import glob
import logging
import os
import subprocess
import sys
import tempfile

log = logging.getLogger("vcf-merge")


def find_cohorts(root):
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        if entry.is_dir() and not entry.name.startswith("."):
            yield entry.path


def merge_cohort(cohort_dir, out_dir, threads):
    vcfs = sorted(glob.glob(os.path.join(cohort_dir, "*.vcf.gz")))
    if len(vcfs) < 2:
        log.info("skipping %s: %d VCFs", cohort_dir, len(vcfs))
        return None

    fd, list_file = tempfile.mkstemp(prefix="merge_", suffix=".list")
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join(vcfs) + "\n")

    out_path = os.path.join(out_dir, f"{os.path.basename(cohort_dir)}.merged.vcf.gz")
    try:
        subprocess.run(
            ["bcftools", "merge", "--threads", str(threads), "-l", list_file, "-Oz", "-o", out_path],
            check=True,
        )
        subprocess.run(["bcftools", "index", "-t", out_path], check=True)
    finally:
        os.unlink(list_file)

    os.chmod(out_path, 0o640)
    return out_path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cohort-root", default="/data/cohorts")
    parser.add_argument("--out-dir", default="/data/joint_calls")
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    os.makedirs(args.out_dir, exist_ok=True)

    failures = 0
    for cohort in find_cohorts(args.cohort_root):
        try:
            merged = merge_cohort(cohort, args.out_dir, args.threads)
        except subprocess.CalledProcessError as exc:
            log.error("bcftools failed for %s: exit %d", cohort, exc.returncode)
            failures += 1
            continue
        if merged:
            log.info("wrote %s", merged)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
