"""Shared library of manufacturer-specific OBD PIDs (Starlette).

Technicians contribute PID definitions such as
    {"mode": "22", "pid": "F40D", "name": "Trans temp", "formula": "A - 40", "unit": "C"}
and the scan tools post raw response bytes here to get decoded values.
"""
import logging
from typing import Dict

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("pid-library")

PIDS: Dict[str, dict] = {
    "01:0C": {"name": "Engine RPM", "formula": "((A * 256) + B) / 4", "unit": "rpm"},
    "01:05": {"name": "Coolant temp", "formula": "A - 40", "unit": "C"},
}


def pid_key(mode: str, pid: str) -> str:
    return "%s:%s" % (mode.upper(), pid.upper())


def byte_vars(raw: bytes) -> dict:
    names = "ABCDEFGH"
    return {names[i]: b for i, b in enumerate(raw[: len(names)])}


class Decoder:
    def __init__(self, definition: dict):
        self.name = definition["name"]
        self.unit = definition.get("unit", "")
        self.formula = definition["formula"]

    def decode(self, raw: bytes) -> float:
        env = byte_vars(raw)
        return eval(self.formula, {"__builtins__": None}, env)  # VULN flow


async def add_pid(request: Request):
    body = await request.json()
    key = pid_key(body["mode"], body["pid"])
    PIDS[key] = {"name": body["name"], "formula": body["formula"], "unit": body.get("unit", "")}
    log.info("pid %r added", key)
    return JSONResponse({"key": key}, status_code=201)


async def decode(request: Request):
    body = await request.json()
    key = pid_key(body["mode"], body["pid"])
    definition = PIDS.get(key)
    if definition is None:
        return JSONResponse({"error": "unknown pid"}, status_code=404)
    try:
        raw = bytes.fromhex(body["data"])
    except ValueError:
        return JSONResponse({"error": "data must be hex"}, status_code=400)
    decoder = Decoder(definition)
    try:
        value = decoder.decode(raw)
    except (NameError, ZeroDivisionError, TypeError):
        return JSONResponse({"error": "not enough data bytes"}, status_code=422)
    return JSONResponse({"name": decoder.name, "value": value, "unit": decoder.unit})


async def list_pids(request: Request):
    return JSONResponse(PIDS)


app = Starlette(routes=[
    Route("/pids", list_pids, methods=["GET"]),
    Route("/pids", add_pid, methods=["POST"]),
    Route("/decode", decode, methods=["POST"]),
])
