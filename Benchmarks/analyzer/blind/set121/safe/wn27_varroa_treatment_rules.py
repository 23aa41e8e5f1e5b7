"""Evaluate club-defined varroa treatment rules against the latest mite counts.

Club coordinators write short rules on the association website, e.g.::

    {"metric": "mites_per_100", "op": ">=", "threshold": 3, "months": [7, 8]}

The nightly job runs every enabled rule for every colony of the club's members
and raises a treatment reminder when a rule fires.
"""
import ast
import logging
import operator
import sqlite3
from dataclasses import dataclass
from typing import List

log = logging.getLogger("varroa_rules")
DB_PATH = "/var/lib/apiary/varroa.db"
OPERATORS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq}
METRICS = ("mites_per_100", "brood_frames")


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
        spec = ast.literal_eval(self.source)
        if spec.get("metric") not in METRICS or spec.get("op") not in OPERATORS:
            raise ValueError("unsupported rule definition")
        months = spec.get("months")
        if months and count.month not in months:
            return False
        value = getattr(count, spec["metric"])
        return bool(OPERATORS[spec["op"]](value, float(spec["threshold"])))


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
