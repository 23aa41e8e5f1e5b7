#!/usr/bin/env python3
"""Print pharmacy dispensing labels to the counter printer.

Reads a dispensing record (JSON) produced by the PMS export job, renders a
plain-text label and hands it to CUPS via ``lp``.
"""
import argparse
import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass

log = logging.getLogger("rx_label")

DEFAULT_PRINTER = os.environ.get("RX_LABEL_PRINTER", "counter_zebra")
LABEL_DIR = "/var/spool/rxlabels"


@dataclass
class Dispense:
    rx_number: str
    patient: str
    drug: str
    sig: str
    qty: int

    @classmethod
    def from_file(cls, path: str) -> "Dispense":
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        rx = str(data["rx_number"])
        if not rx.isdigit():
            raise ValueError(f"bad rx number in {path}")
        return cls(
            rx_number=rx,
            patient=data["patient_name"],
            drug=data["drug"],
            sig=data.get("sig", ""),
            qty=int(data.get("qty", 0)),
        )


def render_label(d: Dispense) -> str:
    lines = [
        f"RX# {d.rx_number}",
        d.patient.upper(),
        f"{d.drug}  QTY {d.qty}",
        d.sig,
    ]
    return "\n".join(lines) + "\n"


def write_label(d: Dispense) -> str:
    os.makedirs(LABEL_DIR, exist_ok=True)
    path = os.path.join(LABEL_DIR, f"{d.rx_number}.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render_label(d))
    return path


def job_title(d: Dispense) -> str:
    # CUPS shows the title in the queue, handy for the techs
    return f"{d.patient} - {d.drug}"


def send_to_printer(label_path: str, printer: str, title: str, copies: int = 1) -> int:
    cmd = "lp -d %s -n %d -t '%s' %s" % (printer, copies, title, label_path)
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if result.returncode != 0:
        log.error("lp failed (%s): %s", result.returncode, result.stderr.strip())
    return result.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("records", nargs="+", help="dispense JSON files")
    parser.add_argument("--printer", default=DEFAULT_PRINTER)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO)
    failures = 0
    for rec in args.records:
        try:
            d = Dispense.from_file(rec)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("skipping %s: %s", rec, exc)
            failures += 1
            continue
        path = write_label(d)
        log.info("printing rx %s on %s", d.rx_number, args.printer)
        if send_to_printer(path, args.printer, job_title(d), args.copies) != 0:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
