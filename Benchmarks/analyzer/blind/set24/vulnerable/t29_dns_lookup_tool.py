"""Network diagnostics API used by the support team to check customer DNS setups."""
import logging
import subprocess

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("support.dns")
app = FastAPI(title="netdiag")
LOOKUP_TIMEOUT = 10


class LookupRequest(BaseModel):
    hostname: str = Field(..., max_length=253)
    record_type: str = "A"
    resolver: str | None = None


class LookupResult(BaseModel):
    hostname: str
    record_type: str
    answers: list[str]


def dig_command(req: LookupRequest) -> str:
    parts = ["dig", "+short", "+time=3"]
    if req.resolver:
        parts.append("@" + req.resolver)
    parts.append(req.record_type.upper())
    parts.append(req.hostname)
    return " ".join(parts)


def run_lookup(req: LookupRequest) -> list[str]:
    cmd = dig_command(req)
    output = subprocess.check_output(cmd, shell=True, text=True, timeout=LOOKUP_TIMEOUT)  # VULN flow
    return [line.strip() for line in output.splitlines() if line.strip()]


@app.post("/diagnostics/dns", response_model=LookupResult)
def dns_lookup(req: LookupRequest) -> LookupResult:
    try:
        answers = run_lookup(req)
    except subprocess.CalledProcessError as exc:
        log.warning("dig failed with exit code %d", exc.returncode)
        raise HTTPException(status_code=502, detail="lookup failed") from exc
    except subprocess.TimeoutExpired as exc:
        raise HTTPException(status_code=504, detail="lookup timed out") from exc
    return LookupResult(hostname=req.hostname, record_type=req.record_type.upper(), answers=answers)
