#!/usr/bin/env python3
"""Render repair-order invoices to PDF and optionally send them to a shop printer.

Input is the nightly job export (CSV) produced by the workshop front-desk app.
"""
import argparse
import csv
import html
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("invoice_pdf")

KNOWN_PRINTERS = {"frontdesk", "bay1", "bay2", "parts"}

TEMPLATE = """<html><body>
<h1>Repair Order {ro_number}</h1>
<p>Customer: {customer}</p>
<p>Vehicle: {vehicle} &mdash; VIN {vin}</p>
<table>{lines}</table>
<p><b>Total: {total}</b></p>
</body></html>"""


def load_jobs(csv_path):
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def render_html(job, workdir: Path, idx: int) -> Path:
    lines = "".join(
        f"<tr><td>{html.escape(part)}</td></tr>"
        for part in job.get("lines", "").split("|")
        if part
    )
    body = TEMPLATE.format(
        ro_number=html.escape(job["ro_number"]),
        customer=html.escape(job["customer"]),
        vehicle=html.escape(job["vehicle"]),
        vin=html.escape(job["vin"]),
        lines=lines,
        total=html.escape(job["total"]),
    )
    out = workdir / f"ro_{idx:05d}.html"
    out.write_text(body, encoding="utf-8")
    return out


def pdf_name(job):
    surname = job["customer"].split()[-1] if job["customer"].strip() else "unknown"
    surname = re.sub(r"[^A-Za-z0-9_-]", "", surname) or "unknown"
    ro_number = re.sub(r"[^A-Za-z0-9_-]", "", job["ro_number"]) or "ro"
    return f"{ro_number}_{surname}.pdf"


def to_pdf(html_path, pdf_path):
    cmd = ["wkhtmltopdf", "--quiet", "--page-size", "A4", str(html_path), str(pdf_path)]
    rc = subprocess.call(cmd)
    if rc != 0:
        raise RuntimeError(f"wkhtmltopdf exited with {rc}")


def send_to_printer(pdf_path, printer):
    if printer not in KNOWN_PRINTERS:
        log.warning("unknown printer %r, using frontdesk", printer)
        printer = "frontdesk"
    log.info("printing %s on %r", pdf_path, printer)
    subprocess.run(["lp", "-d", printer, "--", str(pdf_path)], check=False)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("jobs_csv")
    ap.add_argument("--outdir", default="invoices")
    ap.add_argument("--workdir", default="/var/tmp/invoice-html")
    ap.add_argument("--print", dest="do_print", action="store_true")
    ap.add_argument("--printer", default="frontdesk")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    os.makedirs(args.outdir, exist_ok=True)

    failures = 0
    for idx, job in enumerate(load_jobs(args.jobs_csv)):
        html_path = render_html(job, workdir, idx)
        pdf_path = os.path.join(args.outdir, pdf_name(job))
        try:
            to_pdf(html_path, pdf_path)
        except RuntimeError as exc:
            log.error("RO %r failed: %s", job.get("ro_number"), exc)
            failures += 1
            continue
        if args.do_print:
            send_to_printer(pdf_path, job.get("printer") or args.printer)
    log.info("done, %d failures", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
