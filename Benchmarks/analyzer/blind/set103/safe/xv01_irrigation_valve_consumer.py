"""Irrigation schedule consumer.

Pulls zone commands published by the agronomy planner onto the
``irrigation:commands`` Redis list and drives the local valve controller.
"""
import json
import logging
import os
import re
import subprocess
from dataclasses import dataclass
from typing import List

import redis

log = logging.getLogger("irrigation.consumer")

VALVECTL_BIN = os.environ.get("VALVECTL_BIN", "/usr/local/bin/valvectl")
QUEUE_KEY = "irrigation:commands"
RESULT_KEY = "irrigation:last_result"
VALID_ACTIONS = {"open", "close", "status"}
ZONE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


@dataclass
class ZoneCommand:
    zone: str
    action: str
    minutes: int = 0
    requested_by: str = "planner"

    @classmethod
    def from_message(cls, raw: bytes) -> "ZoneCommand":
        data = json.loads(raw)
        action = data.get("action", "status")
        if action not in VALID_ACTIONS:
            raise ValueError(f"unsupported action {action!r}")
        zone = str(data["zone"])
        if not ZONE_RE.match(zone):
            raise ValueError(f"bad zone id {zone!r}")
        return cls(
            zone=zone,
            action=action,
            minutes=int(data.get("minutes", 0)),
            requested_by=str(data.get("user", "planner")),
        )

    def to_cli(self) -> List[str]:
        parts = [VALVECTL_BIN, "--zone", self.zone, "--action", self.action]
        if self.minutes:
            parts += ["--duration", f"{self.minutes}m"]
        return parts


def dispatch(cmd: ZoneCommand) -> int:
    argv = cmd.to_cli()
    log.info("dispatching zone=%r action=%s by=%r", cmd.zone, cmd.action, cmd.requested_by)
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        log.error("valvectl exited %s: %r", proc.returncode, proc.stderr.strip()[:500])
    return proc.returncode


def run_forever(client: redis.Redis) -> None:
    log.info("waiting for commands on %s", QUEUE_KEY)
    while True:
        item = client.blpop(QUEUE_KEY, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            cmd = ZoneCommand.from_message(raw)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("dropping malformed command: %r", exc)
            continue
        try:
            rc = dispatch(cmd)
        except subprocess.TimeoutExpired:
            log.error("valvectl timed out for zone %r", cmd.zone)
            rc = -1
        client.hset(RESULT_KEY, cmd.zone, rc)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    client = redis.Redis(
        host=os.environ.get("REDIS_HOST", "localhost"),
        port=int(os.environ.get("REDIS_PORT", "6379")),
        password=os.environ.get("REDIS_PASSWORD"),
    )
    run_forever(client)


if __name__ == "__main__":
    main()
