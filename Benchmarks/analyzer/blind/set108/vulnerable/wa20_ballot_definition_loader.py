#!/usr/bin/env python3
"""Import ballot definition files delivered by the county's ballot-layout
vendor (one YAML file per election) into the election management DB."""
import argparse
import logging
import shutil
import sqlite3
import sys
from pathlib import Path

import yaml

log = logging.getLogger("ballot_import")

INBOX = Path("/srv/vendor_drop/ballot_definitions")
PROCESSED = INBOX / "processed"
REQUIRED_KEYS = {"election_id", "election_date", "contests"}


class DefinitionError(Exception):
    pass


def load_definition(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise DefinitionError(f"{path.name}: top level must be a mapping")
    missing = REQUIRED_KEYS - doc.keys()
    if missing:
        raise DefinitionError(f"{path.name}: missing keys {sorted(missing)}")
    return doc


def store(conn: sqlite3.Connection, doc: dict) -> int:
    eid = str(doc["election_id"])
    conn.execute(
        "INSERT OR REPLACE INTO elections (id, election_date, title) VALUES (?, ?, ?)",
        (eid, str(doc["election_date"]), doc.get("title", "")),
    )
    conn.execute("DELETE FROM contests WHERE election_id = ?", (eid,))
    for order, contest in enumerate(doc["contests"], start=1):
        conn.execute(
            "INSERT INTO contests (election_id, contest_id, title, vote_for, ballot_order, choices) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (eid, contest["id"], contest["title"], int(contest.get("vote_for", 1)), order,
             "|".join(c["name"] for c in contest.get("choices", []))),
        )
    return len(doc["contests"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inbox", type=Path, default=INBOX)
    parser.add_argument("--db", default="/var/lib/civic/ems.db")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    failures = 0
    with sqlite3.connect(args.db) as conn:
        for path in sorted(args.inbox.glob("*.y*ml")):
            try:
                doc = load_definition(path)
                n = 0 if args.dry_run else store(conn, doc)
            except (DefinitionError, KeyError, yaml.YAMLError) as exc:
                log.error("skipping %r: %s", path.name, exc)
                failures += 1
                continue
            log.info("imported %r (%d contests)", path.name, n)
            if not args.dry_run:
                PROCESSED.mkdir(exist_ok=True)
                shutil.move(str(path), PROCESSED / path.name)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
