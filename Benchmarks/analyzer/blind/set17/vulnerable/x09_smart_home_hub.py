"""Automation-rule service for the smart-home hub (line-delimited JSON over TCP)."""
import asyncio
import json
import logging
import os
import time

log = logging.getLogger("hub.rules")

HUB_PORT = int(os.environ.get("HUB_RULES_PORT", "7420"))


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
    scope = {"__builtins__": {}}
    return bool(eval(condition, scope, readings))  # VULN flow


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
                RULES[str(msg["name"])] = {"condition": msg["condition"], "action": msg["action"]}
                reply = {"ok": True, "rules": len(RULES)}
            else:
                reply = {"error": "unknown type"}
            writer.write(json.dumps(reply).encode() + b"\n")
            await writer.drain()
    finally:
        log.info("client %s disconnected", peer)
        writer.close()


async def main():
    server = await asyncio.start_server(handle_client, "0.0.0.0", HUB_PORT)  # VULN
    log.info("rules engine listening on %s", HUB_PORT)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
