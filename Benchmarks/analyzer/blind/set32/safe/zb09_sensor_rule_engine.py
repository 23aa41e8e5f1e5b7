"""Alerting engine for greenhouse sensors.

Tenants publish alert rules to the ``device-rules`` topic; readings arrive on
``sensor-readings``. Matching readings are forwarded to ``alerts``.
"""
import ast
import json
import logging
import operator
import os
from dataclasses import dataclass

from kafka import KafkaConsumer, KafkaProducer

logger = logging.getLogger("iot.rules")

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka-1.iot.internal:9093")
READING_FIELDS = ("temperature", "humidity", "co2", "soil_moisture", "lux")
COMPARE_OPS = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
               ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne}
ARITH_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}


@dataclass
class AlertRule:
    rule_id: str
    tenant_id: str
    expression: str
    severity: str = "warning"


def _walk(node, scope):
    if isinstance(node, ast.Expression):
        return _walk(node.body, scope)
    if isinstance(node, ast.BoolOp):
        values = [_walk(v, scope) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in COMPARE_OPS:
        return COMPARE_OPS[type(node.ops[0])](_walk(node.left, scope), _walk(node.comparators[0], scope))
    if isinstance(node, ast.BinOp) and type(node.op) in ARITH_OPS:
        return ARITH_OPS[type(node.op)](_walk(node.left, scope), _walk(node.right, scope))
    if isinstance(node, ast.Name) and node.id in READING_FIELDS:
        return scope[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    raise ValueError(f"unsupported rule element: {type(node).__name__}")


class RuleEngine:
    def __init__(self):
        self.rules = {}

    def upsert(self, payload):
        rule = AlertRule(
            rule_id=str(payload["id"]),
            tenant_id=str(payload["tenant"]),
            expression=str(payload["when"])[:256],
            severity=str(payload.get("severity", "warning")),
        )
        self.rules.setdefault(rule.tenant_id, {})[rule.rule_id] = ast.parse(rule.expression, mode="eval"), rule
        return rule

    def matches(self, tree, reading):
        scope = {name: float(reading.get(name, 0.0)) for name in READING_FIELDS}
        return bool(_walk(tree, scope))

    def evaluate(self, reading):
        tenant_rules = self.rules.get(str(reading.get("tenant")), {})
        return [rule for tree, rule in tenant_rules.values() if self.matches(tree, reading)]


def run():
    consumer = KafkaConsumer(
        "device-rules",
        "sensor-readings",
        bootstrap_servers=BOOTSTRAP,
        security_protocol="SSL",
        group_id="rule-engine",
        value_deserializer=lambda raw: json.loads(raw.decode("utf-8")),
    )
    producer = KafkaProducer(
        bootstrap_servers=BOOTSTRAP,
        security_protocol="SSL",
        value_serializer=lambda obj: json.dumps(obj).encode("utf-8"),
    )
    engine = RuleEngine()
    for message in consumer:
        if message.topic == "device-rules":
            try:
                rule = engine.upsert(message.value)
            except (KeyError, SyntaxError, TypeError, ValueError):
                logger.warning("rejected malformed rule payload")
                continue
            logger.info("rule %r updated for tenant %r", rule.rule_id, rule.tenant_id)
            continue
        try:
            matched = engine.evaluate(message.value)
        except (ValueError, TypeError):
            logger.warning("rule evaluation failed for tenant %r", message.value.get("tenant"))
            continue
        for rule in matched:
            producer.send("alerts", {
                "tenant": rule.tenant_id,
                "rule": rule.rule_id,
                "severity": rule.severity,
                "device": message.value.get("device_id"),
            })


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
