"""Worker that renders experiment notebooks to HTML/PDF for the report portal."""
import json
import logging
import os
import re
import subprocess

import redis

log = logging.getLogger("nbexport.worker")

QUEUE = "nbexport:jobs"
NOTEBOOK_ROOT = os.path.realpath("/data/notebooks")
OUTPUT_ROOT = "/data/exports"
FORMATS = {"html", "pdf", "markdown", "webpdf"}
TEMPLATES = {"lab", "classic", "basic"}
JOB_ID_RE = re.compile(r"[a-f0-9]{8,64}")


class ExportJob:
    def __init__(self, payload: dict):
        self.job_id = str(payload["job_id"])
        self.notebook = payload["notebook"]
        self.fmt = payload.get("format", "html")
        self.template = payload.get("template", "lab")
        if not JOB_ID_RE.fullmatch(self.job_id):
            raise ValueError("bad job id")
        if self.fmt not in FORMATS or self.template not in TEMPLATES:
            raise ValueError("unsupported format/template")

    def command(self) -> list:
        src = os.path.realpath(os.path.join(NOTEBOOK_ROOT, self.notebook))
        if os.path.commonpath([src, NOTEBOOK_ROOT]) != NOTEBOOK_ROOT:
            raise ValueError("notebook outside of notebook root")
        out_dir = os.path.join(OUTPUT_ROOT, self.job_id)
        return [
            "jupyter", "nbconvert", "--to", self.fmt, "--template", self.template,
            "--output-dir", out_dir, "--", src,
        ]


def run_job(job: ExportJob) -> int:
    cmd = job.command()
    log.info("running export %r", job.job_id)
    proc = subprocess.run(cmd, capture_output=True, text=True)
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
            rc = run_job(job)
        except (ValueError, KeyError):
            log.warning("dropping malformed job")
            continue
        status = "done" if rc == 0 else "failed"
        client.hset(f"nbexport:status:{job.job_id}", mapping={"status": status})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
