#!/usr/bin/env python3
"""Nightly ingest of pesticide-residue results from the contract lab.

The lab drops CSVs into the SFTP inbox; we stage each file, check every
analyte against the maximum residue limits (MRLs), and publish a summary
that the shipping desk reads before releasing product.
"""
import argparse
import csv
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger("residue.ingest")

# mg/kg, per commodity/analyte
MRL_TABLE = {
    ("apples", "chlorpyrifos"): 0.01,
    ("apples", "captan"): 10.0,
    ("strawberries", "bifenthrin"): 3.0,
    ("lettuce", "imidacloprid"): 3.5,
}


def stage(src: Path) -> str:
    tmp_path = tempfile.mktemp(prefix="residue_", suffix=".csv")  # VULN
    shutil.copyfile(src, tmp_path)
    return tmp_path


def evaluate(csv_path: str) -> list:
    findings = []
    with open(csv_path, newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["commodity"].strip().lower(), row["analyte"].strip().lower())
            limit = MRL_TABLE.get(key)
            value = float(row["result_mg_kg"] or 0)
            findings.append({
                "sample_id": row["sample_id"],
                "lot": row["lot_code"],
                "analyte": key[1],
                "result": value,
                "mrl": limit,
                "status": "UNKNOWN" if limit is None else ("FAIL" if value > limit else "PASS"),
            })
    return findings


def publish(findings: list, out_dir: Path, source_name: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(out_dir, 0o777)  # VULN
    out_path = out_dir / (Path(source_name).stem + ".json")
    with open(out_path, "w") as fh:
        json.dump({"source": source_name, "findings": findings}, fh, indent=2)
    return out_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inbox", type=Path, default=Path("/srv/sftp/lab/inbox"))
    parser.add_argument("--out", type=Path, default=Path("/srv/qa/residue"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    failures = 0
    for src in sorted(args.inbox.glob("*.csv")):
        staged = stage(src)
        try:
            findings = evaluate(staged)
        finally:
            os.unlink(staged)
        out = publish(findings, args.out, src.name)
        bad = [f for f in findings if f["status"] == "FAIL"]
        failures += len(bad)
        log.info("%s: %d results, %d over MRL -> %s", src.name, len(findings), len(bad), out)
        src.rename(src.with_suffix(".done"))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
