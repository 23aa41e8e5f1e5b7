#!/usr/bin/env python3
"""Export a BAPLIE-style stowage plan for a departing vessel and hand it to the outbox."""
import argparse
import logging
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import datetime, timezone

log = logging.getLogger("baplie_export")

OUTBOX = "/srv/edi/outbox/baplie"


def fetch_slots(db_path: str, voyage: str):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT bay, row_no, tier, container_no, iso_type, gross_kg, pod "
            "FROM stowage WHERE voyage = ? ORDER BY bay, row_no, tier",
            (voyage,),
        ).fetchall()
    finally:
        conn.close()


def segments(voyage: str, vessel: str, slots):
    now = datetime.now(timezone.utc).strftime("%y%m%d:%H%M")
    yield "UNB+UNOA:2+TERMINAL+CARRIER+%s+%s'" % (now, voyage)
    yield "UNH+1+BAPLIE:D:95B:UN:SMDG22'"
    yield "TDT+20+%s+++CARRIER:172:20+++%s:103::%s'" % (voyage, vessel, vessel)
    for bay, row_no, tier, container_no, iso_type, gross_kg, pod in slots:
        yield "LOC+147+%03d%02d%02d::5'" % (bay, row_no, tier)
        yield "MEA+WT++KGM:%d'" % gross_kg
        yield "LOC+11+%s'" % pod
        yield "EQD+CN+%s+%s'" % (container_no, iso_type)
    yield "UNT+%d+1'" % (3 + 4 * len(slots))
    yield "UNZ+1+%s'" % voyage


def export_baplie(voyage: str, vessel: str, slots) -> str:
    fd, path = tempfile.mkstemp(prefix="baplie_%s_" % voyage, suffix=".edi")
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        for seg in segments(voyage, vessel, slots):
            fh.write(seg + "\n")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("voyage")
    parser.add_argument("vessel")
    parser.add_argument("--db", default="/var/lib/terminal/stowage.db")
    parser.add_argument("--outbox", default=OUTBOX)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    slots = fetch_slots(args.db, args.voyage)
    if not slots:
        log.error("no stowage rows for voyage %s", args.voyage)
        return 1
    tmp_path = export_baplie(args.voyage, args.vessel, slots)
    os.makedirs(args.outbox, exist_ok=True)
    final = os.path.join(args.outbox, "BAPLIE_%s.edi" % args.voyage)
    shutil.move(tmp_path, final)
    log.info("wrote %d slots to %s", len(slots), final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
