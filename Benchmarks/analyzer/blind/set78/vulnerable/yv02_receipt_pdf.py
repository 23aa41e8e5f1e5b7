#!/usr/bin/env python3
"""Batch-generate year-end tax receipts from the online giving export.

The CSV is the raw export from the donation form vendor; one row per donor.
"""
import argparse
import csv
import html
import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("receipts")

TEMPLATE = """<html><body>
<h2>{org}</h2>
<p>Dear {name},</p>
<p>Thank you for your gifts totalling ${total:,.2f} during {year}.</p>
<p>No goods or services were provided in exchange for these contributions.</p>
</body></html>"""


def slugify(name: str) -> str:
    return name.strip().replace(" ", "_").replace("/", "-")


def render_html(row: dict, org: str, year: int, workdir: Path) -> Path:
    body = TEMPLATE.format(
        org=html.escape(org),
        name=html.escape(row["donor_name"]),
        total=float(row["total_amount"]),
        year=year,
    )
    path = workdir / f"{int(row['donor_id'])}.html"
    path.write_text(body, encoding="utf-8")
    return path


def convert_to_pdf(html_path: Path, out_dir: Path, donor_name: str) -> Path:
    pdf_path = out_dir / f"receipt_{slugify(donor_name)}.pdf"
    cmd = "wkhtmltopdf --quiet --page-size Letter %s %s" % (html_path, pdf_path)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"wkhtmltopdf exited with status {rc}")
    return pdf_path


def send_to_printer(pdf_path: Path, printer: str) -> None:
    subprocess.run(f"lp -d {printer} {pdf_path}", shell=True, check=True)  # VULN flow


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("export_csv", type=Path)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--org", default="Harbor Food Bank")
    parser.add_argument("--out", type=Path, default=Path("receipts"))
    parser.add_argument("--printer", help="CUPS queue to print to")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    args.out.mkdir(parents=True, exist_ok=True)
    workdir = args.out / ".html"
    workdir.mkdir(exist_ok=True)

    failures = 0
    with args.export_csv.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                page = render_html(row, args.org, args.year, workdir)
                pdf = convert_to_pdf(page, args.out, row["donor_name"])
                if args.printer:
                    send_to_printer(pdf, args.printer)
            except (KeyError, ValueError, RuntimeError, subprocess.CalledProcessError):
                failures += 1
                log.exception("receipt failed for donor id %r", row.get("donor_id"))
    log.info("done, %d failures", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
