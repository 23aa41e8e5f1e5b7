"""Evaluates operator-defined alarm rules for tank farm level and temperature
tags. Rules are maintained by shift supervisors in the HMI rule editor and
stored in the operations database, e.g.

    TK101.LEVEL > 92.5 and TK101.INLET_VLV == 1
"""
import logging
import operator
import re
import sqlite3
import time

log = logging.getLogger("tank_rules")

DB_PATH = "/var/lib/tankfarm/ops.db"
POLL_SECONDS = 5

OPS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le,
       "==": operator.eq, "!=": operator.ne}
TERM_RE = re.compile(r"^\s*([A-Z0-9_]+\.[A-Z0-9_]+)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


class Rule:
    def __init__(self, rule_id: int, name: str, condition: str, severity: int):
        self.rule_id = rule_id
        self.name = name
        self.condition = condition
        self.severity = severity
        self._fn = None

    def compile(self):
        terms = []
        for part in self.condition.split(" and "):
            m = TERM_RE.match(part)
            if not m:
                raise SyntaxError(f"cannot parse term {part!r}")
            terms.append((m.group(1), OPS[m.group(2)], float(m.group(3))))
        self._fn = lambda tags: all(op(float(tags[tag]), limit) for tag, op, limit in terms)
        return self

    def evaluate(self, tags: dict) -> bool:
        try:
            return self._fn(tags)
        except KeyError as exc:
            log.debug("rule %s: tag %s not in snapshot", self.rule_id, exc)
            return False


def load_rules(conn) -> list:
    rules = []
    for rid, name, cond, sev in conn.execute(
            "SELECT id, name, condition, severity FROM alarm_rules WHERE enabled = 1"):
        try:
            rules.append(Rule(rid, name, cond, sev).compile())
        except SyntaxError as exc:
            log.error("rule %d does not compile: %r", rid, exc.msg)
    return rules


def snapshot(conn) -> dict:
    return dict(conn.execute("SELECT tag, value FROM tag_snapshot"))


def raise_alarm(conn, rule: Rule):
    conn.execute("INSERT INTO alarms (rule_id, severity, raised_at) VALUES (?, ?, ?)",
                 (rule.rule_id, rule.severity, time.time()))
    conn.commit()
    log.warning("ALARM rule=%d sev=%d", rule.rule_id, rule.severity)


def run_forever():
    conn = sqlite3.connect(DB_PATH)
    active = set()
    rules, loaded = load_rules(conn), time.time()
    while True:
        if time.time() - loaded > 60:
            rules, loaded = load_rules(conn), time.time()
        tags = snapshot(conn)
        for rule in rules:
            firing = rule.evaluate(tags)
            if firing and rule.rule_id not in active:
                raise_alarm(conn, rule)
                active.add(rule.rule_id)
            elif not firing:
                active.discard(rule.rule_id)
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_forever()
