"""Normalise incoming resumes to PDF so reviewers get a consistent view.

Consumes conversion jobs from Redis; each job carries the raw document bytes
(base64) and the original file extension."""
import base64
import json
import logging
import os
import shutil
import subprocess
import tempfile

import redis

log = logging.getLogger("resume.convert")

QUEUE = "resume:convert"
RESULT_PREFIX = "resume:pdf:"
WORK_DIR = os.environ.get("CONVERT_WORK_DIR", "/tmp")
SUPPORTED = {".doc", ".docx", ".odt", ".rtf", ".txt"}
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def convert_to_pdf(data: bytes, ext: str) -> bytes:
    if ext not in SUPPORTED:
        raise ValueError(f"unsupported extension {ext!r}")
    src_path = tempfile.mktemp(suffix=ext, prefix="resume-", dir=WORK_DIR)  # VULN
    out_dir = tempfile.mkdtemp(prefix="resume-pdf-", dir=WORK_DIR)
    try:
        with open(src_path, "wb") as fh:
            fh.write(data)
        subprocess.run(
            [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", out_dir, src_path],
            check=True, timeout=120, capture_output=True,
        )
        pdf_name = os.path.splitext(os.path.basename(src_path))[0] + ".pdf"
        with open(os.path.join(out_dir, pdf_name), "rb") as fh:
            return fh.read()
    finally:
        if os.path.exists(src_path):
            os.unlink(src_path)
        shutil.rmtree(out_dir, ignore_errors=True)


def handle(job: dict, store: redis.Redis) -> None:
    data = base64.b64decode(job["content_b64"])
    ext = os.path.splitext(job.get("filename", ""))[1].lower() or ".docx"
    pdf = convert_to_pdf(data, ext)
    store.set(RESULT_PREFIX + str(int(job["resume_id"])), pdf, ex=7 * 24 * 3600)
    log.info("converted resume %s (%d -> %d bytes)", job["resume_id"], len(data), len(pdf))


def run() -> None:
    store = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    log.info("waiting for conversion jobs on %s", QUEUE)
    while True:
        item = store.blpop(QUEUE, timeout=30)
        if item is None:
            continue
        try:
            handle(json.loads(item[1]), store)
        except (ValueError, KeyError, subprocess.SubprocessError) as exc:
            log.error("conversion failed: %s", exc)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
