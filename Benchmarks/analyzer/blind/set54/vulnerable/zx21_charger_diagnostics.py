"""EV charger fleet: boot registration and network diagnostics (aiohttp).

Chargers call /boot when they power up (mirrors the OCPP
BootNotification fields plus the address they can be reached on).
Support staff can then run a reachability check from the ops console.
"""
import asyncio
import logging
import time

from aiohttp import web

log = logging.getLogger("charger-ops")

REGISTRY = {}


class ChargerInfo:
    def __init__(self, serial, vendor, model, firmware, host):
        self.serial = serial
        self.vendor = vendor
        self.model = model
        self.firmware = firmware
        self.host = host
        self.booted_at = time.time()

    def as_dict(self):
        return {
            "serial": self.serial, "vendor": self.vendor, "model": self.model,
            "firmware": self.firmware, "host": self.host, "booted_at": self.booted_at,
        }


async def boot(request):
    body = await request.json()
    info = ChargerInfo(
        serial=str(body["chargePointSerialNumber"]),
        vendor=str(body.get("chargePointVendor", "")),
        model=str(body.get("chargePointModel", "")),
        firmware=str(body.get("firmwareVersion", "")),
        host=str(body.get("host") or request.remote),
    )
    REGISTRY[info.serial] = info
    return web.json_response({"status": "Accepted", "interval": 300})


async def run_probe(host, count):
    cmd = "ping -c %d -W 2 %s && traceroute -m 12 %s" % (count, host, host)
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
    except asyncio.TimeoutError:
        proc.kill()
        return -1, "probe timed out"
    return proc.returncode, out.decode(errors="replace")


async def diagnose(request):
    serial = request.match_info["serial"]
    info = REGISTRY.get(serial)
    if info is None:
        raise web.HTTPNotFound(text="unknown charger")
    count = min(int(request.query.get("count", "3")), 10)
    rc, output = await run_probe(info.host, count)
    log.info("diagnose serial=%r rc=%d", serial, rc)
    return web.json_response({"charger": info.as_dict(), "rc": rc, "output": output})


async def list_chargers(request):
    return web.json_response([c.as_dict() for c in REGISTRY.values()])


def build_app():
    app = web.Application()
    app.add_routes([
        web.post("/boot", boot),
        web.get("/chargers", list_chargers),
        web.post("/chargers/{serial}/diagnose", diagnose),
    ])
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(build_app(), host="127.0.0.1", port=9180)
