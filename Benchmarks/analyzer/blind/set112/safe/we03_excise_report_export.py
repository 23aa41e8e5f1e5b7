#!/usr/bin/env python3
"""Convert queued excise-tax report requests from the ops portal into PDFs.

The portal drops one JSON file per request into the spool directory; this
script is run from cron every few minutes.
"""
import argparse
import csv
import json
import logging
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("excise.export")


def load_requests(spool: Path):
    for entry in sorted(spool.glob("*.json")):
        try:
            with entry.open() as fh:
                yield entry, json.load(fh)
        except (OSError, json.JSONDecodeError) as exc:
            log.warning("skipping %r: %r", entry.name, exc)


def write_csv(rows, dest: Path) -> None:
    with dest.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["period", "permit", "barrels_removed", "tax_rate", "tax_due"])
        for r in rows:
            barrels = float(r["barrels"])
            rate = float(r["rate"])
            writer.writerow([r["period"], r["permit"], barrels, rate, round(barrels * rate, 2)])


def convert_to_pdf(csv_path: Path, outdir: Path, title: str) -> int:
    cmd = [
        "soffice", "--headless", "--convert-to", "pdf", "--outdir", str(outdir),
        str(csv_path),
    ]
    log.info("running converter for %r", csv_path.name)
    rc = subprocess.call(cmd)
    if rc == 0:
        log.info("converted %r", title)
    return rc


def process(spool: Path, outdir: Path) -> int:
    done = 0
    for entry, req in load_requests(spool):
        name = Path(str(req.get("report_name") or entry.stem)).name
        csv_path = outdir / f"{name}.csv"
        write_csv(req.get("rows", []), csv_path)
        rc = convert_to_pdf(csv_path, outdir, req.get("title", name))
        if rc == 0:
            entry.unlink()
            done += 1
        else:
            log.error("conversion failed for %r (rc=%d)", entry.name, rc)
    return done


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spool", type=Path, default=Path("/var/spool/excise"))
    parser.add_argument("--outdir", type=Path, default=Path("/srv/reports/excise"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    args.outdir.mkdir(parents=True, exist_ok=True)
    count = process(args.spool, args.outdir)
    log.info("converted %d report(s)", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
