"""Brewery fermentation telemetry: tank event search (Sanic)."""
import logging
import os
import re
from collections import deque
from pathlib import Path

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound
from sanic.response import json

app = Sanic("brewery_telemetry")
log = logging.getLogger("brewery.telemetry")

LOG_DIR = Path(os.environ.get("FERMENTER_LOG_DIR", "/var/log/fermenters"))
TANKS = {"fv1", "fv2", "fv3", "fv4", "bbt1", "bbt2"}
MAX_LINES = 5000


def read_tank_log(tank):
    path = LOG_DIR / f"{tank}.log"
    if not path.exists():
        raise NotFound(f"no log for tank {tank}")
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        return list(deque(fh, maxlen=MAX_LINES))


def parse_event(line):
    stamp, _, rest = line.partition(" ")
    kind, _, detail = rest.partition(" ")
    return {"at": stamp, "kind": kind, "detail": detail.strip()}


@app.get("/tanks/<tank>/events")
async def tank_events(request, tank):
    if tank not in TANKS:
        raise NotFound("unknown tank")
    pattern = request.args.get("match", "")
    if len(pattern) > 200:
        raise BadRequest("match too long")
    try:
        matcher = re.compile(re.escape(pattern), re.IGNORECASE)
    except re.error:
        raise BadRequest("invalid match expression")
    events = [parse_event(line) for line in read_tank_log(tank) if matcher.search(line)]
    log.info("tank %s search returned %d events", tank, len(events))
    return json({"tank": tank, "events": events[-500:]})


@app.get("/tanks/<tank>/latest")
async def latest(request, tank):
    if tank not in TANKS:
        raise NotFound("unknown tank")
    lines = read_tank_log(tank)
    for line in reversed(lines):
        event = parse_event(line)
        if event["kind"] == "TEMP":
            return json({"tank": tank, "reading": event})
    return json({"tank": tank, "reading": None})


@app.get("/healthz")
async def healthz(request):
    return json({"ok": True, "tanks": sorted(TANKS)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000, access_log=False)
