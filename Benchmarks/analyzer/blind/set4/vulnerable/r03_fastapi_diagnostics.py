import subprocess

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

from .auth import require_staff

router = APIRouter(prefix="/diagnostics", tags=["ops"], dependencies=[Depends(require_staff)])


class PingTarget(BaseModel):
    host: str
    count: int = 3


def get_target(host: str = Query(...), count: int = Query(3, ge=1, le=10)) -> PingTarget:
    host = host.strip()
    if not host:
        raise HTTPException(status_code=422, detail="host is required")
    return PingTarget(host=host, count=count)


def _ping_command(target: PingTarget) -> str:
    return "ping -c {count} -W 2 {host}".format(**target.dict())


@router.get("/ping")
def ping(target: PingTarget = Depends(get_target)):
    cmd = _ping_command(target)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
    return {"returncode": proc.returncode, "output": proc.stdout.splitlines()}
