"""Fleet ops helper: pulls service journals from warehouse robots over SSH."""
import logging
import os
import re
import shlex
from contextlib import contextmanager
from dataclasses import dataclass

import paramiko
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("fleet.diag")

SSH_USER = os.environ.get("FLEET_SSH_USER", "fleetops")
SSH_KEY = os.environ.get("FLEET_SSH_KEY", "/etc/fleet/id_ed25519")
ROBOTS = {
    "amr-01": "10.20.1.11",
    "amr-02": "10.20.1.12",
    "amr-03": "10.20.1.13",
    "picker-07": "10.20.2.27",
}
SINCE_RE = re.compile(r"\d{1,3} (minute|hour|day)s? ago|\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?")


@dataclass
class DiagnosticRequest:
    robot: str
    unit: str
    since: str = "1 hour ago"
    grep: str = ""


@contextmanager
def ssh_session(host: str):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=SSH_USER, key_filename=SSH_KEY, timeout=10)
    try:
        yield client
    finally:
        client.close()


class DiagnosticsRunner:
    UNITS = {"robotd", "navstack", "lidar-driver", "battery-monitor"}

    def __init__(self, max_lines: int = 500) -> None:
        self.max_lines = max_lines

    def journal_command(self, req: DiagnosticRequest) -> str:
        cmd = f"journalctl -u {shlex.quote(req.unit)} --since {shlex.quote(req.since)} --no-pager"
        if req.grep:
            cmd += f" | grep -iF -- {shlex.quote(req.grep)}"
        return f"{cmd} | tail -n {int(self.max_lines)}"

    def run(self, req: DiagnosticRequest) -> dict:
        host = ROBOTS[req.robot]
        command = self.journal_command(req)
        with ssh_session(host) as client:
            _, stdout, stderr = client.exec_command(command, timeout=30)
            output = stdout.read().decode(errors="replace")
            errors = stderr.read().decode(errors="replace")
        return {"robot": req.robot, "lines": output.splitlines(), "stderr": errors[-2000:]}


runner = DiagnosticsRunner()


@app.post("/fleet/<robot>/journal")
def robot_journal(robot: str):
    if robot not in ROBOTS:
        abort(404)
    body = request.get_json(silent=True) or {}
    unit = body.get("unit", "robotd")
    if unit not in DiagnosticsRunner.UNITS:
        abort(400, description="unknown unit")
    since = str(body.get("since", "1 hour ago"))
    grep = str(body.get("grep", ""))
    if not SINCE_RE.fullmatch(since) or len(grep) > 80:
        abort(400, description="invalid since/grep")
    req = DiagnosticRequest(robot=robot, unit=unit, since=since, grep=grep)
    try:
        result = runner.run(req)
    except (paramiko.SSHException, OSError) as exc:
        log.error("ssh to %s failed: %s", robot, exc)
        abort(502, description="robot unreachable")
    return jsonify(result)
