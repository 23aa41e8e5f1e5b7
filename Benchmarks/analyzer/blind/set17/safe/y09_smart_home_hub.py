"""Automation-rule service for the smart-home hub (line-delimited JSON over TCP)."""
import asyncio
import json
import logging
import operator
import os
import re
import time

log = logging.getLogger("hub.rules")

HUB_HOST = os.environ.get("HUB_RULES_HOST", "127.0.0.1")
HUB_PORT = int(os.environ.get("HUB_RULES_PORT", "7420"))
CONDITION_RE = re.compile(r"^\s*([a-z][a-z0-9_]{0,40})\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")
OPERATORS = {"<": operator.lt, "<=": operator.le, ">": operator.gt,
             ">=": operator.ge, "==": operator.eq, "!=": operator.ne}


class SensorState:
    def __init__(self):
        self.readings = {}
        self.updated = {}

    def update(self, sensor, value):
        self.readings[sensor] = value
        self.updated[sensor] = time.time()

    def snapshot(self):
        return dict(self.readings)


STATE = SensorState()
RULES = {}


def evaluate_rule(condition, readings):
    match = CONDITION_RE.match(condition)
    if match is None:
        raise ValueError("unsupported condition")
    sensor, op, threshold = match.groups()
    return sensor in readings and OPERATORS[op](readings[sensor], float(threshold))


def run_rules():
    fired = []
    readings = STATE.snapshot()
    for name, rule in RULES.items():
        try:
            if evaluate_rule(rule["condition"], readings):
                fired.append({"rule": name, "action": rule["action"]})
        except Exception as exc:
            log.warning("rule %r failed: %s", name, exc.__class__.__name__)
    return fired


async def handle_client(reader, writer):
    peer = writer.get_extra_info("peername")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            try:
                msg = json.loads(line)
            except json.JSONDecodeError:
                writer.write(b'{"error": "bad json"}\n')
                continue
            kind = msg.get("type")
            if kind == "reading":
                STATE.update(str(msg["sensor"]), float(msg["value"]))
                reply = {"fired": run_rules()}
            elif kind == "rule":
                RULES[str(msg["name"])] = {"condition": str(msg["condition"]), "action": msg["action"]}
                reply = {"ok": True, "rules": len(RULES)}
            else:
                reply = {"error": "unknown type"}
            writer.write(json.dumps(reply).encode() + b"\n")
            await writer.drain()
    finally:
        log.info("client %s disconnected", peer)
        writer.close()


async def main():
    server = await asyncio.start_server(handle_client, HUB_HOST, HUB_PORT)
    log.info("rules engine listening on %s:%s", HUB_HOST, HUB_PORT)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
