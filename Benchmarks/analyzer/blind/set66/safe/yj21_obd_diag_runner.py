"""Workshop bay diagnostics runner.

Technicians' tablets post a diagnostic request for the car on a bay; the
service drives the OBD-II adapter attached to that bay through ``obdtool``
and returns the decoded PIDs and fault codes.
"""
import asyncio
import json
import logging
import re
from dataclasses import dataclass, field
from typing import List

import tornado.ioloop
import tornado.web

log = logging.getLogger("workshop.diag")

OBD_TOOL = "/opt/obdtool/bin/obdtool"
BAY_PORTS = {"bay1": "/dev/ttyUSB0", "bay2": "/dev/ttyUSB1", "bay3": "/dev/ttyUSB2", "mot": "/dev/ttyACM0"}
RUN_TIMEOUT = 45
VIN_RE = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
PID_RE = re.compile(r"^[0-9A-F]{2}$")


@dataclass
class DiagJob:
    bay: str
    vin: str
    pids: List[str] = field(default_factory=lambda: ["0C", "0D", "05"])
    read_dtcs: bool = True

    @classmethod
    def from_request(cls, body: dict) -> "DiagJob":
        bay = body.get("bay", "")
        if bay not in BAY_PORTS:
            raise tornado.web.HTTPError(400, "unknown bay")
        vin = str(body.get("vin", "")).upper()
        pids = [str(p).upper() for p in (body.get("pids") or ["0C", "0D", "05"])]
        if not VIN_RE.match(vin) or not all(PID_RE.match(p) for p in pids):
            raise tornado.web.HTTPError(400, "invalid VIN or PID list")
        return cls(bay=bay, vin=vin, pids=pids, read_dtcs=bool(body.get("read_dtcs", True)))

    def command(self) -> List[str]:
        parts = [OBD_TOOL, "--port", BAY_PORTS[self.bay], "--vin", self.vin,
                 "--pids", ",".join(self.pids), "--format", "json"]
        if self.read_dtcs:
            parts.append("--dtc")
        return parts


async def run_job(job: DiagJob) -> dict:
    cmd = job.command()
    log.info("bay %s: running diagnostics", job.bay)
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), RUN_TIMEOUT)
    except asyncio.TimeoutError:
        proc.kill()
        raise tornado.web.HTTPError(504, "adapter did not respond")
    if proc.returncode != 0:
        log.warning("obdtool failed on %s: %r", job.bay, err.decode(errors="replace")[:200])
        raise tornado.web.HTTPError(502, "diagnostic run failed")
    return json.loads(out)


class DiagRunHandler(tornado.web.RequestHandler):
    async def post(self):
        body = json.loads(self.request.body or b"{}")
        job = DiagJob.from_request(body)
        result = await run_job(job)
        self.write({"bay": job.bay, "vin": job.vin, "result": result})


def make_app():
    return tornado.web.Application([(r"/diag/run", DiagRunHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
