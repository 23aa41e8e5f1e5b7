"""Fleet alert rule worker.

Fleet managers define alert conditions in the portal, e.g.
    soc < 15 and not charging
    battery_temp > 48 or (speed > 0 and door_open)
The portal stores the expression text per fleet; this worker loads the active
rules and evaluates them against every incoming telemetry snapshot.
"""
import ast
import json
import logging
import operator
from dataclasses import dataclass, field
from typing import Dict, Iterable, List

log = logging.getLogger("alerts.rules")

METRICS = ("soc", "speed", "battery_temp", "odometer", "charging", "door_open",
           "ignition", "lat", "lon", "range_km")
COMPARE = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
           ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne}


def _evaluate(node, env):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, env)
    if isinstance(node, ast.BoolOp):
        values = [_evaluate(v, env) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _evaluate(node.operand, env)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in COMPARE:
        return COMPARE[type(node.ops[0])](_evaluate(node.left, env), _evaluate(node.comparators[0], env))
    if isinstance(node, ast.Name) and node.id in METRICS:
        return env[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, bool)):
        return node.value
    raise ValueError("unsupported rule element: %s" % type(node).__name__)


@dataclass
class AlertRule:
    rule_id: int
    fleet_id: int
    expression: str
    message: str
    severity: str = "warning"
    hits: int = field(default=0, compare=False)

    def check(self, snapshot: Dict[str, float]) -> bool:
        env = {name: snapshot.get(name) for name in METRICS}
        result = _evaluate(ast.parse(self.expression, mode="eval"), env)
        return bool(result)


class RuleRepository:
    def __init__(self, conn):
        self.conn = conn

    def active_rules(self, fleet_id: int) -> List[AlertRule]:
        cur = self.conn.execute(
            "SELECT id, fleet_id, expression, message, severity FROM alert_rules "
            "WHERE fleet_id = ? AND enabled = 1",
            (fleet_id,),
        )
        return [AlertRule(*row) for row in cur.fetchall()]


class RuleWorker:
    def __init__(self, repo: RuleRepository, notifier):
        self.repo = repo
        self.notifier = notifier
        self._cache: Dict[int, List[AlertRule]] = {}

    def rules_for(self, fleet_id: int) -> List[AlertRule]:
        if fleet_id not in self._cache:
            self._cache[fleet_id] = self.repo.active_rules(fleet_id)
        return self._cache[fleet_id]

    def handle(self, raw_message: bytes) -> int:
        msg = json.loads(raw_message)
        fleet_id, vin, snapshot = msg["fleet_id"], msg["vin"], msg["telemetry"]
        fired = 0
        for rule in self.rules_for(fleet_id):
            try:
                if rule.check(snapshot):
                    rule.hits += 1
                    fired += 1
                    self.notifier.send(fleet_id, vin, rule.severity, rule.message)
            except Exception as exc:
                log.warning("rule %d failed on %r: %s", rule.rule_id, vin, exc)
        return fired

    def run(self, messages: Iterable[bytes]) -> None:
        for raw in messages:
            self.handle(raw)
