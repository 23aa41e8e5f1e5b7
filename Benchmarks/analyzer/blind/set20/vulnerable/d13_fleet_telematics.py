"""Support-portal endpoints that pull OBD logs from the depot telematics gateways."""
import logging
from contextlib import contextmanager
from typing import Iterator, List

import paramiko
from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("fleet.gateway")
router = APIRouter(prefix="/support/vehicles")

GATEWAY_USER = "telemetry"
GATEWAY_PASSWORD = "Dep0t-Gw!2023#obd"  # VULN
DEPOT_GATEWAYS = {"north": "10.40.1.10", "south": "10.40.2.10", "harbour": "10.40.3.10"}


class LogExcerpt(BaseModel):
    vehicle_id: str
    depot: str
    lines: List[str]


class GatewayClient:
    def __init__(self, host: str):
        self.host = host
        self.ssh = paramiko.SSHClient()
        self.ssh.load_system_host_keys()
        self.ssh.set_missing_host_key_policy(paramiko.RejectPolicy())

    def connect(self) -> None:
        self.ssh.connect(self.host, username=GATEWAY_USER, password=GATEWAY_PASSWORD, timeout=10)

    def tail_log(self, vehicle_id: str, lines: int, grep: str = "") -> List[str]:
        cmd = f"tail -n {int(lines)} /var/log/obd/{vehicle_id}.log"
        if grep:
            cmd += f" | grep -F '{grep}'"
        _stdin, stdout, stderr = self.ssh.exec_command(cmd, timeout=15)  # VULN flow
        if stdout.channel.recv_exit_status() not in (0, 1):
            raise RuntimeError(stderr.read().decode(errors="replace"))
        return stdout.read().decode(errors="replace").splitlines()

    def close(self) -> None:
        self.ssh.close()


@contextmanager
def gateway_for(depot: str) -> Iterator[GatewayClient]:
    host = DEPOT_GATEWAYS.get(depot)
    if host is None:
        raise HTTPException(status_code=404, detail="unknown depot")
    client = GatewayClient(host)
    client.connect()
    try:
        yield client
    finally:
        client.close()


def support_agent():
    # Placeholder for SSO dependency; returns the agent's username.
    return "agent"


@router.get("/{depot}/{vehicle_id}/log", response_model=LogExcerpt)
def vehicle_log(
    depot: str,
    vehicle_id: str,
    lines: int = Query(200, ge=1, le=5000),
    grep: str = Query("", max_length=64),
    agent: str = Depends(support_agent),
):
    with gateway_for(depot) as gw:
        try:
            out = gw.tail_log(vehicle_id, lines, grep)
        except RuntimeError as exc:
            log.warning("log fetch for %r failed: %r", vehicle_id, exc)
            raise HTTPException(status_code=502, detail="gateway error")
    log.info("agent %s pulled %d lines for %r", agent, len(out), vehicle_id)
    return LogExcerpt(vehicle_id=vehicle_id, depot=depot, lines=out)
