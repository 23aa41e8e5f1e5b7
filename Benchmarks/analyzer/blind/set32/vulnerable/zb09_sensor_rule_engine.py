"""Alerting engine for greenhouse sensors.

Tenants publish alert rules to the ``device-rules`` topic; readings arrive on
``sensor-readings``. Matching readings are forwarded to ``alerts``.
"""
import json
import logging
import os
from dataclasses import dataclass

from kafka import KafkaConsumer, KafkaProducer

logger = logging.getLogger("iot.rules")

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka-1.iot.internal:9093")
READING_FIELDS = ("temperature", "humidity", "co2", "soil_moisture", "lux")


@dataclass
class AlertRule:
    rule_id: str
    tenant_id: str
    expression: str
    severity: str = "warning"


class RuleEngine:
    def __init__(self):
        self.rules = {}

    def upsert(self, payload):
        rule = AlertRule(
            rule_id=str(payload["id"]),
            tenant_id=str(payload["tenant"]),
            expression=str(payload["when"]),
            severity=str(payload.get("severity", "warning")),
        )
        self.rules.setdefault(rule.tenant_id, {})[rule.rule_id] = rule
        return rule

    def matches(self, rule, reading):
        scope = {name: float(reading.get(name, 0.0)) for name in READING_FIELDS}
        return bool(eval(rule.expression, {"__builtins__": {}}, scope))  # VULN flow

    def evaluate(self, reading):
        tenant_rules = self.rules.get(str(reading.get("tenant")), {})
        return [rule for rule in tenant_rules.values() if self.matches(rule, reading)]


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
            rule = engine.upsert(message.value)
            logger.info("rule %r updated for tenant %r", rule.rule_id, rule.tenant_id)
            continue
        for rule in engine.evaluate(message.value):
            producer.send("alerts", {
                "tenant": rule.tenant_id,
                "rule": rule.rule_id,
                "severity": rule.severity,
                "device": message.value.get("device_id"),
            })


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
