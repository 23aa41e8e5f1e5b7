"""Elevator maintenance console: controller diagnostics for service technicians (Sanic)."""
import asyncio
import logging
import os

import httpx
from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound
from sanic.response import json

from liftops.auth import technician_required

app = Sanic("elevator_maint")
log = logging.getLogger("liftops.diagnostics")

CONTROLLER_USER = "svc-diag"
CONTROLLER_PASSWORD = "Lift-Ctrl-9981!"  # VULN
CONTROLLERS = {
    1: "lift-ctl-01.bldg.internal",
    2: "lift-ctl-02.bldg.internal",
    3: "lift-ctl-03.bldg.internal",
}


async def run_diagnostic(host, count):
    cmd = f"ping -c {count} -W 2 {host}"
    proc = await asyncio.create_subprocess_shell(cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)  # VULN flow
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout=30)
    except asyncio.TimeoutError:
        proc.kill()
        raise
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


async def controller_status(host):
    async with httpx.AsyncClient(timeout=8.0) as client:
        resp = await client.get(f"https://{host}/api/status", auth=(CONTROLLER_USER, CONTROLLER_PASSWORD))
        resp.raise_for_status()
        return resp.json()


@app.post("/elevators/<car_id:int>/diagnose")
@technician_required
async def diagnose(request, car_id):
    body = request.json or {}
    host = body.get("controller_host") or CONTROLLERS.get(car_id)
    if not host:
        raise NotFound("unknown elevator")
    try:
        count = max(1, min(int(body.get("count", 3)), 10))
    except (TypeError, ValueError):
        raise BadRequest("count must be an integer")
    rc, out, err = await run_diagnostic(host, count)
    log.info("diagnostic for car %d finished rc=%s", car_id, rc)
    return json({"car": car_id, "reachable": rc == 0, "output": out[-4000:], "errors": err[-1000:]})


@app.get("/elevators/<car_id:int>/status")
@technician_required
async def status(request, car_id):
    host = CONTROLLERS.get(car_id)
    if host is None:
        raise NotFound("unknown elevator")
    try:
        data = await controller_status(host)
    except httpx.HTTPError as exc:
        log.warning("status fetch failed for car %d: %r", car_id, exc)
        return json({"car": car_id, "online": False}, status=502)
    return json({"car": car_id, "online": True, "floor": data.get("floor"), "faults": data.get("faults", [])})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8010)
