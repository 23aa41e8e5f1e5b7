"""Worker that runs network diagnostics requested from the ops web UI.

Ops staff queue a ping/traceroute against a depot gateway or on-board
router from the fleet dashboard; results are posted back to the UI.
"""
import ipaddress
import json
import logging
import os
import re
import subprocess
import time

import redis
import requests

log = logging.getLogger("diag_worker")

REDIS_URL = os.environ["DIAG_REDIS_URL"]
RESULTS_API = os.environ.get("DIAG_RESULTS_API", "https://fleet-ops.internal/api/diagnostics")
QUEUE = "diag:requests"
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")

COMMANDS = {
    "ping": ["ping", "-c", "4", "-W", "2", "{target}"],
    "trace": ["traceroute", "-m", "20", "-w", "2", "{target}"],
    "dns": ["dig", "+short", "{target}"],
}


def _valid_target(target: str) -> bool:
    try:
        ipaddress.ip_address(target)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(target))


def build_command(job: dict) -> list:
    template = COMMANDS.get(job.get("kind"))
    if template is None:
        raise ValueError("unsupported diagnostic")
    target = job.get("target", "").strip()
    if not target or not _valid_target(target):
        raise ValueError("missing or invalid target")
    return [part.replace("{target}", target) for part in template]


def run_diagnostic(job: dict) -> dict:
    command = build_command(job)
    started = time.time()
    try:
        output = subprocess.check_output(command, stderr=subprocess.STDOUT, timeout=90)
        status = "ok"
    except subprocess.CalledProcessError as exc:
        output, status = exc.output, "failed"
    except subprocess.TimeoutExpired:
        output, status = b"", "timeout"
    return {
        "job_id": job.get("id"),
        "status": status,
        "duration_s": round(time.time() - started, 1),
        "output": output.decode("utf-8", "replace")[-8000:],
    }


def post_result(result: dict) -> None:
    resp = requests.post(RESULTS_API, json=result, timeout=10)
    if resp.status_code >= 300:
        log.warning("result upload failed with HTTP %s", resp.status_code)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(REDIS_URL)
    log.info("waiting for diagnostics on %s", QUEUE)
    while True:
        item = client.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        try:
            job = json.loads(item[1])
            result = run_diagnostic(job)
        except (ValueError, TypeError) as exc:
            log.warning("rejected job: %s", type(exc).__name__)
            continue
        post_result(result)


if __name__ == "__main__":
    main()
