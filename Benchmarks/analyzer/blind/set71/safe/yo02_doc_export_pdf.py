"""Worker that turns shared documents into PDFs for download.

Jobs arrive on the `doc-export` Redis list as JSON blobs produced by the
editor frontend when a user clicks "Export > PDF".
"""
import json
import logging
import os
import re
import subprocess
import time

import redis

EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/collab/exports")
SOURCE_DIR = os.environ.get("SOURCE_DIR", "/srv/collab/docs")
QUEUE = "doc-export"
ENGINES = {"xelatex", "lualatex", "pdflatex"}
PAPERS = {"a4", "letter", "a5"}
NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")

log = logging.getLogger("export.pdf")


class ExportError(Exception):
    pass


def build_command(src_path, out_name, opts):
    if not NAME_RE.match(out_name):
        raise ExportError("invalid output name")
    engine = opts.get("engine", "xelatex")
    if engine not in ENGINES:
        raise ExportError("unsupported engine")
    cmd = ["pandoc", src_path, "-o", os.path.join(EXPORT_DIR, out_name + ".pdf"), f"--pdf-engine={engine}"]
    if opts.get("toc"):
        cmd.append("--toc")
    if opts.get("title"):
        cmd += ["--metadata", f"title={opts['title']}"]
    if opts.get("paper") in PAPERS:
        cmd += ["-V", f"papersize={opts['paper']}"]
    return cmd


def export(job: dict) -> str:
    doc_id = int(job["doc_id"])
    src = os.path.join(SOURCE_DIR, f"{doc_id}.md")
    if not os.path.exists(src):
        raise ExportError(f"document {doc_id} has no markdown source")
    cmd = build_command(src, job["output_name"], job.get("options", {}))
    log.debug("running export for doc %d", doc_id)
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise ExportError(result.stderr[-500:])
    return os.path.join(EXPORT_DIR, job["output_name"] + ".pdf")


def notify(conn, job, path, error=None):
    payload = {"doc_id": job.get("doc_id"), "user": job.get("user"), "path": path, "error": error}
    conn.publish("doc-export-done", json.dumps(payload))


def main():
    logging.basicConfig(level=logging.INFO)
    conn = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    log.info("export worker started")
    while True:
        item = conn.blpop(QUEUE, timeout=5)
        if item is None:
            continue
        _, raw = item
        job = {}
        try:
            job = json.loads(raw)
            path = export(job)
            notify(conn, job, path)
        except (ExportError, KeyError, ValueError) as exc:
            log.warning("export failed: %r", str(exc))
            notify(conn, job if isinstance(job, dict) else {}, None, str(exc))
        except subprocess.TimeoutExpired:
            log.error("pandoc timed out")
        time.sleep(0.05)


if __name__ == "__main__":
    main()
