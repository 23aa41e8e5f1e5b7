"""Network diagnostics API used by the support team to check customer DNS setups."""
import ipaddress
import logging
import re
import subprocess

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("support.dns")
app = FastAPI(title="netdiag")
LOOKUP_TIMEOUT = 10
RECORD_TYPES = {"A", "AAAA", "CNAME", "MX", "NS", "TXT", "SOA", "CAA", "SRV"}
HOSTNAME_RE = re.compile(r"(?=.{1,253}\Z)([A-Za-z0-9_](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?")


class LookupRequest(BaseModel):
    hostname: str = Field(..., max_length=253)
    record_type: str = "A"
    resolver: str | None = None


class LookupResult(BaseModel):
    hostname: str
    record_type: str
    answers: list[str]


def dig_command(req: LookupRequest) -> list[str]:
    record_type = req.record_type.upper()
    if record_type not in RECORD_TYPES:
        raise ValueError("unsupported record type")
    if not HOSTNAME_RE.fullmatch(req.hostname):
        raise ValueError("invalid hostname")
    parts = ["dig", "+short", "+time=3"]
    if req.resolver:
        parts.append("@" + str(ipaddress.ip_address(req.resolver)))
    parts.append(record_type)
    parts.append(req.hostname)
    return parts


def run_lookup(req: LookupRequest) -> list[str]:
    cmd = dig_command(req)
    output = subprocess.check_output(cmd, text=True, timeout=LOOKUP_TIMEOUT)
    return [line.strip() for line in output.splitlines() if line.strip()]


@app.post("/diagnostics/dns", response_model=LookupResult)
def dns_lookup(req: LookupRequest) -> LookupResult:
    try:
        answers = run_lookup(req)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    except subprocess.CalledProcessError as exc:
        log.warning("dig failed with exit code %d", exc.returncode)
        raise HTTPException(status_code=502, detail="lookup failed") from exc
    except subprocess.TimeoutExpired as exc:
        raise HTTPException(status_code=504, detail="lookup timed out") from exc
    return LookupResult(hostname=req.hostname, record_type=req.record_type.upper(), answers=answers)
