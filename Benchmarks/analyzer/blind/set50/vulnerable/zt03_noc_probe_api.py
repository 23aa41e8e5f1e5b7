"""Looking-glass style probe API used by the NOC dashboard."""
import logging
import subprocess
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("probe-api")
app = FastAPI(title="noc-probe")

PING_BIN = "/bin/ping"
DIG_BIN = "/usr/bin/dig"
MAX_OUTPUT = 4000


class ProbeResult(BaseModel):
    target: str
    rc: int
    output: str


@app.get("/probe/ping", response_model=ProbeResult)
def ping(host: str = Query(..., max_length=255), count: int = Query(3, ge=1, le=10)):
    cmd = f"{PING_BIN} -c {count} -W 2 {host}"
    log.info("ping probe for %r", host)
    try:
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
    except subprocess.TimeoutExpired:
        raise HTTPException(status_code=504, detail="probe timed out")
    return ProbeResult(target=host, rc=proc.returncode, output=proc.stdout[-MAX_OUTPUT:])


def dig_command(name: str, rtype: str, server: Optional[str]) -> str:
    parts = [DIG_BIN, "+short", "+time=2", "-t", rtype, name]
    if server:
        parts.append("@" + server)
    return " ".join(parts)


@app.get("/probe/dns", response_model=ProbeResult)
def dns(name: str = Query(..., max_length=255), rtype: str = "A", server: Optional[str] = None):
    cmd = dig_command(name, rtype.upper(), server)
    log.info("dns probe for %r type %r", name, rtype)
    try:
        out = subprocess.check_output(cmd, shell=True, text=True, stderr=subprocess.STDOUT, timeout=15)  # VULN flow
        rc = 0
    except subprocess.CalledProcessError as exc:
        out, rc = exc.output, exc.returncode
    except subprocess.TimeoutExpired:
        raise HTTPException(status_code=504, detail="probe timed out")
    return ProbeResult(target=name, rc=rc, output=out[-MAX_OUTPUT:])


@app.get("/healthz")
def healthz():
    return {"ok": True}
