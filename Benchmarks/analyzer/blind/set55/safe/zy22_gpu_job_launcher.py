"""Agent that runs on each GPU node: pulls assigned training jobs from the
scheduler API and launches them as containers."""
import logging
import os
import re
import shlex
import socket
import subprocess
import time

import requests

log = logging.getLogger("gpu.agent")

SCHEDULER_URL = os.environ.get("SCHEDULER_URL", "http://scheduler.ml.svc.cluster.local:8080")
NODE_NAME = os.environ.get("NODE_NAME", socket.gethostname())
POLL_SECONDS = 15
IMAGE_RE = re.compile(r"registry\.ml\.example\.com/[a-z0-9._/-]+(:[A-Za-z0-9._-]+)?(@sha256:[a-f0-9]{64})?")
JOB_ID_RE = re.compile(r"[a-z0-9-]{1,48}")
ENV_KEY_RE = re.compile(r"[A-Z_][A-Z0-9_]{0,63}")


def fetch_assignments():
    resp = requests.get(f"{SCHEDULER_URL}/v1/nodes/{NODE_NAME}/assignments", timeout=10)
    resp.raise_for_status()
    return resp.json().get("jobs", [])


def report(job_id: str, state: str, exit_code=None):
    requests.post(
        f"{SCHEDULER_URL}/v1/jobs/{job_id}/status",
        json={"node": NODE_NAME, "state": state, "exit_code": exit_code},
        timeout=10,
    )


def build_command(job: dict) -> list:
    if not JOB_ID_RE.fullmatch(str(job["id"])) or not IMAGE_RE.fullmatch(job["image"]):
        raise ValueError("job id or image rejected")
    gpus = int(job.get("gpus", 1))
    cmd = ["docker", "run", "--rm", "--gpus", str(gpus), "--shm-size", "8g",
           "-v", f"/scratch/{job['id']}:/workspace"]
    for key, value in job.get("env", {}).items():
        if not ENV_KEY_RE.fullmatch(key):
            raise ValueError(f"bad env var name {key!r}")
        cmd += ["-e", f"{key}={value}"]
    cmd += ["--name", f"train-{job['id']}", job["image"]]
    return cmd + shlex.split(job.get("args", ""))


def launch(job: dict) -> int:
    cmd = build_command(job)
    log.info("launching job %r on %s", job["id"], NODE_NAME)
    status = subprocess.run(cmd)
    return status.returncode


def main():
    seen = set()
    while True:
        try:
            jobs = fetch_assignments()
        except requests.RequestException as exc:
            log.warning("scheduler unreachable: %s", exc)
            time.sleep(POLL_SECONDS)
            continue
        for job in jobs:
            if job["id"] in seen:
                continue
            seen.add(job["id"])
            report(job["id"], "running")
            try:
                rc = launch(job)
            except (ValueError, KeyError) as exc:
                log.error("refusing job %r: %s", job.get("id"), exc)
                rc = -1
            report(job["id"], "succeeded" if rc == 0 else "failed", rc)
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
