import ast
import json
import logging
import operator
import os
from dataclasses import dataclass, field

import paho.mqtt.client as mqtt

logger = logging.getLogger("home.rules")

BROKER_HOST = os.environ.get("MQTT_HOST", "localhost")
ACTION_PREFIX = "home/actions/"
MAX_CONDITION_LEN = 256
_COMPARATORS = {
    ast.Gt: operator.gt, ast.Lt: operator.lt, ast.GtE: operator.ge,
    ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne,
}


def _eval_node(node, names):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, names)
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, names) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, names)
    if isinstance(node, ast.Compare):
        left = _eval_node(node.left, names)
        for op, comparator in zip(node.ops, node.comparators):
            fn = _COMPARATORS.get(type(op))
            right = _eval_node(comparator, names)
            if fn is None or not fn(left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Name):
        return names[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
        return node.value
    raise ValueError(f"unsupported element {type(node).__name__}")


@dataclass
class Rule:
    rule_id: str
    condition: str
    action_topic: str
    action_payload: dict = field(default_factory=dict)


class RuleEngine:
    def __init__(self, client):
        self.client = client
        self.rules = {}
        self.state = {}

    def register(self, raw):
        data = json.loads(raw)
        topic = str(data["then"]["topic"])
        condition = str(data["when"])
        if not topic.startswith(ACTION_PREFIX) or len(condition) > MAX_CONDITION_LEN:
            raise ValueError("invalid rule definition")
        rule = Rule(str(data["id"]), condition, topic, data["then"].get("payload", {}))
        self.rules[rule.rule_id] = rule
        logger.info("rule registered id=%r", rule.rule_id)

    def update_state(self, device, raw):
        reading = json.loads(raw)
        for key, value in reading.items():
            if isinstance(value, (int, float, bool, str)):
                self.state[f"{device}_{key}"] = value
        self.evaluate()

    def _matches(self, rule):
        return bool(_eval_node(ast.parse(rule.condition, mode="eval"), dict(self.state)))

    def evaluate(self):
        for rule in list(self.rules.values()):
            try:
                matched = self._matches(rule)
            except Exception:
                logger.warning("rule %r could not be evaluated", rule.rule_id)
                continue
            if matched:
                self.client.publish(rule.action_topic, json.dumps(rule.action_payload), qos=1)


def on_message(client, engine, msg):
    try:
        if msg.topic == "home/rules/set":
            engine.register(msg.payload)
        elif msg.topic.startswith("home/sensors/"):
            device = msg.topic.rsplit("/", 1)[-1].replace("-", "_")
            engine.update_state(device, msg.payload)
    except (ValueError, KeyError, TypeError):
        logger.warning("dropping malformed message on %r", msg.topic)


def main():
    client = mqtt.Client(client_id="rule-engine")
    client.username_pw_set(os.environ["MQTT_USER"], os.environ["MQTT_PASSWORD"])
    client.tls_set()
    engine = RuleEngine(client)
    client.user_data_set(engine)
    client.on_message = on_message
    client.connect(BROKER_HOST, 8883)
    client.subscribe([("home/rules/set", 1), ("home/sensors/+", 0)])
    client.loop_forever()


if __name__ == "__main__":
    main()
