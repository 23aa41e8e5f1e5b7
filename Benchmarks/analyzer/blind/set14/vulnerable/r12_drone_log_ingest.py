"""Ingest flight log archives uploaded by drone survey pilots."""
import argparse
import csv
import json
import logging
import os
import shutil
import sys
import tempfile
import zipfile

log = logging.getLogger("droneops.ingest")

MAX_MEMBER_BYTES = 200 * 1024 * 1024
LOG_SUFFIXES = (".csv", ".json")


def extract_logs(archive_path, out_dir):
    extracted = []
    with zipfile.ZipFile(archive_path) as zf:
        for info in zf.infolist():
            if info.is_dir() or not info.filename.lower().endswith(LOG_SUFFIXES):
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                log.warning("skipping oversized member (%d bytes)", info.file_size)
                continue
            target = os.path.join(out_dir, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:  # VULN flow
                shutil.copyfileobj(src, dst)
            extracted.append(target)
    return extracted


def summarise(csv_path):
    max_alt, batt_min, rows = 0.0, 100.0, 0
    with open(csv_path, newline="") as fh:
        for row in csv.DictReader(fh):
            rows += 1
            max_alt = max(max_alt, float(row.get("altitude_m") or 0))
            batt_min = min(batt_min, float(row.get("battery_pct") or 100))
    return {"file": os.path.basename(csv_path), "samples": rows, "max_altitude_m": max_alt, "min_battery_pct": batt_min}


def write_summary(summaries):
    tmp_path = tempfile.mktemp(prefix="flight-summary-", suffix=".json")  # VULN
    with open(tmp_path, "w") as fh:
        json.dump(summaries, fh, indent=2)
    return tmp_path


def main(argv=None):
    parser = argparse.ArgumentParser(description="Extract and summarise uploaded flight logs.")
    parser.add_argument("archive", help="zip archive uploaded through the pilot portal")
    parser.add_argument("--out", default="/srv/droneops/logs", help="log store root")
    parser.add_argument("--mission", required=True, type=int, help="mission id")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    out_dir = os.path.join(args.out, f"mission-{args.mission}")
    try:
        files = extract_logs(args.archive, out_dir)
    except zipfile.BadZipFile:
        log.error("archive for mission %d is not a valid zip", args.mission)
        return 2
    summaries = [summarise(p) for p in files if p.endswith(".csv")]
    path = write_summary(summaries)
    log.info("mission %d: %d logs extracted, summary at %s", args.mission, len(files), path)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
