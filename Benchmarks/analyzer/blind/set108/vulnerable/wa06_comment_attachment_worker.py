"""Redis queue worker that converts resident-submitted public comment
attachments to PDF and tags them before they go into the agenda packet."""
import json
import logging
import os
import subprocess
import time
import uuid

import redis

log = logging.getLogger("attachment_worker")

QUEUE = "agenda:attachments"
UPLOAD_DIR = os.environ.get("COMMENT_UPLOAD_DIR", "/srv/agendas/uploads")
OUTPUT_DIR = os.environ.get("AGENDA_OUTPUT_DIR", "/srv/agendas/packet")
SOFFICE = "/usr/bin/soffice"


class ConversionJob:
    def __init__(self, payload: dict):
        self.meeting_id = int(payload["meeting_id"])
        self.upload_id = str(uuid.UUID(payload["upload_id"]))
        self.original_name = payload.get("original_name", "attachment")
        self.submitted_by = payload.get("submitted_by", "anonymous")

    @property
    def source_path(self) -> str:
        return os.path.join(UPLOAD_DIR, self.upload_id)

    @property
    def output_path(self) -> str:
        return os.path.join(OUTPUT_DIR, f"{self.meeting_id}-{self.upload_id}.pdf")


def convert(job: ConversionJob) -> None:
    cmd = [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", OUTPUT_DIR, job.source_path]
    subprocess.run(cmd, check=True, timeout=300)
    os.replace(os.path.join(OUTPUT_DIR, job.upload_id + ".pdf"), job.output_path)


def tag_pdf(job: ConversionJob) -> None:
    title = f"Public comment - {job.original_name} (meeting {job.meeting_id})"
    cmd = f'exiftool -q -overwrite_original -Title="{title}" -Author="{job.submitted_by}" {job.output_path}'
    subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow


def handle(r: redis.Redis, raw: bytes) -> None:
    job = ConversionJob(json.loads(raw))
    convert(job)
    tag_pdf(job)
    r.hset(f"agenda:{job.meeting_id}:attachments", job.upload_id, job.output_path)
    log.info("converted attachment %s for meeting %d", job.upload_id, job.meeting_id)


def main() -> None:
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while True:
        item = r.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        _, raw = item
        try:
            handle(r, raw)
        except (KeyError, ValueError, subprocess.SubprocessError) as exc:
            log.error("attachment job failed: %r", exc)
            r.rpush(QUEUE + ":failed", raw)
            time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
