"""Worker that renders experiment notebooks to HTML/PDF for the report portal."""
import json
import logging
import os
import subprocess

import redis

log = logging.getLogger("nbexport.worker")

QUEUE = "nbexport:jobs"
NOTEBOOK_ROOT = "/data/notebooks"
OUTPUT_ROOT = "/data/exports"


class ExportJob:
    def __init__(self, payload: dict):
        self.job_id = str(payload["job_id"])
        self.notebook = payload["notebook"]
        self.fmt = payload.get("format", "html")
        self.template = payload.get("template", "lab")

    def command(self) -> str:
        src = os.path.join(NOTEBOOK_ROOT, self.notebook)
        out_dir = os.path.join(OUTPUT_ROOT, self.job_id)
        return (
            f"jupyter nbconvert --to {self.fmt} --template {self.template} "
            f"--output-dir {out_dir} '{src}'"
        )


def run_job(job: ExportJob) -> int:
    cmd = job.command()
    log.info("running export %r", job.job_id)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        log.error("export %r failed with rc=%d", job.job_id, proc.returncode)
        log.debug("nbconvert stderr: %r", proc.stderr[-2000:])
    return proc.returncode


def main():
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    log.info("waiting for jobs on %s", QUEUE)
    while True:
        item = client.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            job = ExportJob(json.loads(raw))
        except (ValueError, KeyError):
            log.warning("dropping malformed job")
            continue
        status = "done" if run_job(job) == 0 else "failed"
        client.hset(f"nbexport:status:{job.job_id}", mapping={"status": status})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
