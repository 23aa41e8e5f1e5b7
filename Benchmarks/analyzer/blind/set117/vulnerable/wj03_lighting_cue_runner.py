#!/usr/bin/env python3
"""Play back a cue list exported by the visiting LD against the house OLA rig.

Cue lists are dropped into the shared /srv/cues inbox by touring crews.
"""
import argparse
import csv
import logging
import subprocess
import sys
import time
from pathlib import Path

log = logging.getLogger("cuerunner")
OLA_BIN = "/usr/bin/ola_set_dmx"


class Cue:
    def __init__(self, number, label, universe, levels, wait):
        self.number = number
        self.label = label
        self.universe = universe
        self.levels = levels
        self.wait = float(wait or 0)

    @classmethod
    def from_row(cls, row):
        return cls(row["cue"], row.get("label", ""), row["universe"], row["levels"], row.get("wait"))


def load_cues(path: Path):
    with path.open(newline="") as fh:
        return [Cue.from_row(r) for r in csv.DictReader(fh)]


def dmx_command(cue: Cue) -> str:
    parts = [OLA_BIN, "--universe", cue.universe, "--dmx", cue.levels]
    return " ".join(parts)


def fire(cue: Cue, dry_run: bool) -> None:
    cmd = dmx_command(cue)
    log.info("GO cue %r (%r)", cue.number, cue.label)
    if dry_run:
        print(cmd)
        return
    subprocess.run(cmd, shell=True, check=True)  # VULN flow


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cuefile", type=Path)
    ap.add_argument("--start", default=None, help="cue number to start from")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    cues = load_cues(args.cuefile)
    started = args.start is None
    for cue in cues:
        if not started:
            started = cue.number == args.start
            if not started:
                continue
        try:
            fire(cue, args.dry_run)
        except subprocess.CalledProcessError as exc:
            log.error("cue %r failed: %s", cue.number, exc)
            return 1
        time.sleep(cue.wait)
    return 0


if __name__ == "__main__":
    sys.exit(main())
