"""Renders final loadsheets and sends them to the gate printers.

Run by the load control workstation after the loadsheet has been accepted
by the captain over ACARS.
"""
import argparse
import json
import logging
import os
import subprocess
import tempfile
from datetime import datetime, timezone

log = logging.getLogger("loadsheet.print")

PRINTERS = {"A": "gate-a-lp01", "B": "gate-b-lp01", "LC": "loadcontrol-lp01"}


def format_loadsheet(data: dict) -> str:
    lines = [
        "LOADSHEET           FINAL",
        f"{data['flight']:<10}{data['tail']:<10}{data['date']}",
        f"{'ADEP':<6}{data['adep']:<6}{'ADES':<6}{data['ades']}",
        "",
        f"ZFW   {data['zfw']:>8}   MAX {data['mzfw']:>8}",
        f"TOF   {data['tof']:>8}",
        f"TOW   {data['tow']:>8}   MAX {data['mtow']:>8}",
        f"TIF   {data['tif']:>8}",
        f"LAW   {data['law']:>8}   MAX {data['mlw']:>8}",
        "",
        f"PAX   {data['pax']}  TTL {sum(data['pax'])}",
        f"MACZFW {data['maczfw']}  MACTOW {data['mactow']}",
        f"PREPARED {datetime.now(timezone.utc):%H%MZ} BY {data['agent']}",
    ]
    return "\n".join(lines) + "\n"


def render_loadsheet(data: dict) -> str:
    fd, path = tempfile.mkstemp(prefix="ls_", suffix=".txt")
    with os.fdopen(fd, "w", encoding="ascii", errors="replace") as fh:
        fh.write(format_loadsheet(data))
    # lp copies the file into the spool as the submitting user
    os.chmod(path, 0o600)
    return path


def send_to_printer(path: str, printer: str) -> None:
    subprocess.run(["lp", "-d", printer, "-o", "cpi=12", path], check=True, timeout=30)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("loadsheet_json", help="accepted loadsheet from the LC system")
    parser.add_argument("--area", choices=sorted(PRINTERS), default="LC")
    parser.add_argument("--keep", action="store_true", help="keep the rendered file")
    args = parser.parse_args(argv)

    with open(args.loadsheet_json, encoding="utf-8") as fh:
        data = json.load(fh)
    path = render_loadsheet(data)
    try:
        send_to_printer(path, PRINTERS[args.area])
        log.info("printed loadsheet for %s on %s", data["flight"], PRINTERS[args.area])
    finally:
        if not args.keep:
            os.unlink(path)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
