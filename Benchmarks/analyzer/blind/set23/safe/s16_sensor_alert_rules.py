"""Edge alerting worker: evaluates tenant-defined alert rules against sensor readings.

Rules are created by tenants in the dashboard ("temperature > 80") and stored in
Redis by the rules API.
"""
import json
import logging
import operator
import os
import re
import time
from dataclasses import dataclass
from typing import Dict, Iterator

import redis
from kafka import KafkaConsumer

log = logging.getLogger("alerts.rules")
store = redis.Redis.from_url(os.environ.get("RULES_REDIS_URL", "redis://localhost:6379/2"))

CONDITION_RE = re.compile(r"\s*([a-z_][a-z0-9_]{0,31})\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*")
COMPARATORS = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt,
    ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}


@dataclass
class AlertRule:
    rule_id: str
    device_type: str
    condition: str
    severity: str = "warning"


class RuleRepository:
    def __init__(self, client: redis.Redis):
        self.client = client

    def rules_for(self, tenant: str, device_type: str) -> Iterator[AlertRule]:
        for rule_id, blob in self.client.hgetall(f"rules:{tenant}").items():
            data = json.loads(blob)
            if data.get("device_type") == device_type:
                yield AlertRule(rule_id.decode(), device_type, data["condition"], data.get("severity", "warning"))


class RuleEvaluator:
    def matches(self, rule: AlertRule, metrics: Dict[str, float]) -> bool:
        parsed = CONDITION_RE.fullmatch(rule.condition)
        if parsed is None:
            raise ValueError("unsupported condition syntax")
        metric, op, threshold = parsed.groups()
        if metric not in metrics:
            return False
        return COMPARATORS[op](metrics[metric], float(threshold))


def publish_alert(tenant: str, device_id: str, rule: AlertRule) -> None:
    store.xadd(
        f"alerts:{tenant}",
        {"device": device_id, "rule": rule.rule_id, "severity": rule.severity, "ts": str(int(time.time()))},
        maxlen=10000,
    )


def run() -> None:
    consumer = KafkaConsumer(
        "sensor-readings",
        bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"],
        group_id="alert-rules",
        value_deserializer=json.loads,
    )
    repo, evaluator = RuleRepository(store), RuleEvaluator()
    for message in consumer:
        reading = message.value
        tenant, device_id = str(reading.get("tenant")), str(reading.get("device_id"))
        metrics = {str(k): float(v) for k, v in reading.get("metrics", {}).items()}
        for rule in repo.rules_for(tenant, str(reading.get("device_type"))):
            try:
                if evaluator.matches(rule, metrics):
                    publish_alert(tenant, device_id, rule)
            except Exception as exc:
                log.warning("rule %r failed for tenant %r: %r", rule.rule_id, tenant, exc)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
