"""Agent that runs on each GPU node: pulls assigned training jobs from the
scheduler API and launches them as containers."""
import logging
import os
import socket
import time

import requests

log = logging.getLogger("gpu.agent")

SCHEDULER_URL = os.environ.get("SCHEDULER_URL", "http://scheduler.ml.svc.cluster.local:8080")
NODE_NAME = os.environ.get("NODE_NAME", socket.gethostname())
POLL_SECONDS = 15


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


def build_command(job: dict) -> str:
    env_flags = " ".join(f"-e {key}={value}" for key, value in job.get("env", {}).items())
    gpus = job.get("gpus", 1)
    mounts = f"-v /scratch/{job['id']}:/workspace"
    return (
        f"docker run --rm --gpus {gpus} --shm-size 8g {mounts} {env_flags} "
        f"--name train-{job['id']} {job['image']} {job.get('args', '')}"
    )


def launch(job: dict) -> int:
    cmd = build_command(job)
    log.info("launching job %r on %s", job["id"], NODE_NAME)
    status = os.system(cmd)  # VULN flow
    return os.waitstatus_to_exitcode(status)


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
            rc = launch(job)
            report(job["id"], "succeeded" if rc == 0 else "failed", rc)
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
