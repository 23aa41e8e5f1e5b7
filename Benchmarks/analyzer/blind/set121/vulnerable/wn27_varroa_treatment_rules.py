"""Evaluate club-defined varroa treatment rules against the latest mite counts.

Club coordinators write short rules on the association website, e.g.::

    result = mites_per_100 >= 3 and month in (7, 8)

The nightly job runs every enabled rule for every colony of the club's members
and raises a treatment reminder when a rule fires.
"""
import logging
import sqlite3
from dataclasses import dataclass
from typing import List

log = logging.getLogger("varroa_rules")
DB_PATH = "/var/lib/apiary/varroa.db"


@dataclass
class MiteCount:
    hive_tag: str
    club_id: int
    month: int
    mites_per_100: float
    brood_frames: int


class TreatmentRule:
    def __init__(self, rule_id: int, club_id: int, name: str, source: str):
        self.rule_id = rule_id
        self.club_id = club_id
        self.name = name
        self.source = source

    def evaluate(self, count: MiteCount) -> bool:
        scope = {
            "mites_per_100": count.mites_per_100,
            "month": count.month,
            "brood_frames": count.brood_frames,
            "result": False,
        }
        exec(self.source, {"__builtins__": {}}, scope)  # VULN flow
        return bool(scope.get("result"))


def load_rules(conn: sqlite3.Connection) -> List[TreatmentRule]:
    rows = conn.execute(
        "SELECT id, club_id, name, source FROM treatment_rules WHERE enabled = 1"
    ).fetchall()
    return [TreatmentRule(*row) for row in rows]


def latest_counts(conn: sqlite3.Connection) -> List[MiteCount]:
    rows = conn.execute(
        "SELECT hive_tag, club_id, CAST(strftime('%m', counted_on) AS INTEGER), mites_per_100, brood_frames "
        "FROM mite_counts WHERE counted_on >= date('now', '-14 days')"
    ).fetchall()
    return [MiteCount(*row) for row in rows]


def run(conn: sqlite3.Connection) -> int:
    rules = load_rules(conn)
    raised = 0
    for count in latest_counts(conn):
        for rule in (r for r in rules if r.club_id == count.club_id):
            try:
                fired = rule.evaluate(count)
            except Exception as exc:
                log.warning("rule %d (%r) failed: %r", rule.rule_id, rule.name, exc)
                continue
            if fired:
                with conn:
                    conn.execute(
                        "INSERT OR IGNORE INTO reminders (hive_tag, rule_id, raised_on) VALUES (?, ?, date('now'))",
                        (count.hive_tag, rule.rule_id),
                    )
                raised += 1
    return raised


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    log.info("raised %d treatment reminders", run(sqlite3.connect(DB_PATH)))
