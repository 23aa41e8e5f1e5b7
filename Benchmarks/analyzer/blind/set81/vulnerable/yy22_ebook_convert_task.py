"""Celery tasks wrapping calibre's ebook-convert for the conversion service.

Jobs are enqueued by the author dashboard with the metadata the author typed
into the "Publish e-book" form.
"""
import logging
import os
import subprocess

from celery import Celery

log = logging.getLogger("conversions")

app = Celery("conversions", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/3"))
WORK_ROOT = os.environ.get("CONVERSION_ROOT", "/srv/conversions")
FORMATS = {"epub", "mobi", "azw3", "pdf", "docx"}


def job_path(job, name):
    return os.path.join(WORK_ROOT, str(job["id"]), os.path.basename(name))


def build_args(job):
    meta = job.get("metadata", {})
    args = []
    if meta.get("title"):
        args.append("--title '%s'" % meta["title"])
    if meta.get("authors"):
        args.append("--authors '%s'" % " & ".join(meta["authors"]))
    if meta.get("language"):
        args.append("--language %s" % meta["language"])
    if job.get("cover"):
        args.append("--cover %s" % job_path(job, job["cover"]))
    return " ".join(args)


@app.task(bind=True, max_retries=2, acks_late=True)
def convert(self, job):
    fmt = str(job.get("target_format", "epub")).lower()
    if fmt not in FORMATS:
        log.warning("job %r: unsupported format %r", job.get("id"), fmt)
        return {"id": job.get("id"), "ok": False, "error": "unsupported format"}

    src = job_path(job, job["source"])
    base = os.path.splitext(os.path.basename(job["source"]))[0]
    dst = job_path(job, f"{base}.{fmt}")
    cmd = "ebook-convert %s %s %s" % (src, dst, build_args(job))
    try:
        output = subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT, timeout=600)  # VULN flow
    except subprocess.TimeoutExpired as exc:
        raise self.retry(exc=exc, countdown=60)
    except subprocess.CalledProcessError as exc:
        log.error("job %r: ebook-convert exited %d", job["id"], exc.returncode)
        return {"id": job["id"], "ok": False, "error": exc.output.decode(errors="replace")[-1000:]}
    log.info("job %r: wrote %r (%d bytes of converter output)", job["id"], dst, len(output))
    return {"id": job["id"], "ok": True, "file": os.path.basename(dst)}
