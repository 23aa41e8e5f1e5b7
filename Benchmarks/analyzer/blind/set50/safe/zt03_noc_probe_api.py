"""Looking-glass style probe API used by the NOC dashboard."""
import ipaddress
import logging
import re
import subprocess
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("probe-api")
app = FastAPI(title="noc-probe")

PING_BIN = "/bin/ping"
DIG_BIN = "/usr/bin/dig"
MAX_OUTPUT = 4000
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63})*\.?$")
RECORD_TYPES = {"A", "AAAA", "CNAME", "MX", "NS", "PTR", "SOA", "TXT"}


class ProbeResult(BaseModel):
    target: str
    rc: int
    output: str


def valid_target(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(value))


@app.get("/probe/ping", response_model=ProbeResult)
def ping(host: str = Query(..., max_length=255), count: int = Query(3, ge=1, le=10)):
    if not valid_target(host):
        raise HTTPException(status_code=400, detail="invalid host")
    cmd = [PING_BIN, "-c", str(count), "-W", "2", host]
    log.info("ping probe for %r", host)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        raise HTTPException(status_code=504, detail="probe timed out")
    return ProbeResult(target=host, rc=proc.returncode, output=proc.stdout[-MAX_OUTPUT:])


def dig_command(name: str, rtype: str, server: Optional[str]) -> List[str]:
    parts = [DIG_BIN, "+short", "+time=2", "-t", rtype, name]
    if server:
        parts.append("@" + str(ipaddress.ip_address(server)))
    return parts


@app.get("/probe/dns", response_model=ProbeResult)
def dns(name: str = Query(..., max_length=255), rtype: str = "A", server: Optional[str] = None):
    rtype = rtype.upper()
    if not valid_target(name) or rtype not in RECORD_TYPES:
        raise HTTPException(status_code=400, detail="invalid query")
    try:
        cmd = dig_command(name, rtype, server)
    except ValueError:
        raise HTTPException(status_code=400, detail="server must be an IP address")
    log.info("dns probe for %r type %r", name, rtype)
    try:
        out = subprocess.check_output(cmd, text=True, stderr=subprocess.STDOUT, timeout=15)
        rc = 0
    except subprocess.CalledProcessError as exc:
        out, rc = exc.output, exc.returncode
    except subprocess.TimeoutExpired:
        raise HTTPException(status_code=504, detail="probe timed out")
    return ProbeResult(target=name, rc=rc, output=out[-MAX_OUTPUT:])


@app.get("/healthz")
def healthz():
    return {"ok": True}
