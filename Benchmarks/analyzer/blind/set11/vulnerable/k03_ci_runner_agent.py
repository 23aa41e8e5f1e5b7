#!/usr/bin/env python3
"""Build agent: polls the coordinator for queued jobs, checks out the code and runs the tests."""
import logging
import os
import random
import subprocess
import time

import requests

COORDINATOR = os.environ.get("CI_COORDINATOR", "https://ci.internal.example.com")
AGENT_TOKEN = os.environ["CI_AGENT_TOKEN"]
WORK_ROOT = os.environ.get("CI_WORK_ROOT", "/var/lib/ci-agent/builds")

log = logging.getLogger("ci-agent")


def poll_job(session):
    resp = session.get(f"{COORDINATOR}/api/v1/jobs/next", timeout=30, verify=False)  # VULN
    if resp.status_code == 204:
        return None
    resp.raise_for_status()
    return resp.json()


def checkout(job):
    workdir = os.path.join(WORK_ROOT, str(int(job["id"])))
    os.makedirs(workdir, exist_ok=True)
    ref = job["trigger"]["ref"]
    clone_url = job["repository"]["clone_url"]
    cmd = "git clone --depth 1 --branch %s %s %s" % (ref, clone_url, workdir)
    status = os.system(cmd)  # VULN flow
    if status != 0:
        raise RuntimeError("checkout failed with status %d" % status)
    return workdir


def run_tests(workdir):
    proc = subprocess.run(["make", "test"], cwd=workdir, capture_output=True, text=True, timeout=3600)
    return proc.returncode, proc.stdout[-20000:] + proc.stderr[-20000:]


def report(session, job, code, output):
    session.post(
        f"{COORDINATOR}/api/v1/jobs/{int(job['id'])}/result",
        json={"exit_code": code, "log": output},
        timeout=30,
    ).raise_for_status()


def main():
    logging.basicConfig(level=logging.INFO)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {AGENT_TOKEN}"
    while True:
        job = poll_job(session)
        if job is None:
            time.sleep(5 + random.uniform(0, 3))
            continue
        log.info("picked up job %s", job["id"])
        try:
            workdir = checkout(job)
            code, output = run_tests(workdir)
        except Exception:
            log.exception("job %s failed", job["id"])
            code, output = 1, "agent error"
        report(session, job, code, output)


if __name__ == "__main__":
    main()
