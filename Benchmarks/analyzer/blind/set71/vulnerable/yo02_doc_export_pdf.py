"""Worker that turns shared documents into PDFs for download.

Jobs arrive on the `doc-export` Redis list as JSON blobs produced by the
editor frontend when a user clicks "Export > PDF".
"""
import json
import logging
import os
import subprocess
import time

import redis

EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/collab/exports")
SOURCE_DIR = os.environ.get("SOURCE_DIR", "/srv/collab/docs")
QUEUE = "doc-export"

log = logging.getLogger("export.pdf")


class ExportError(Exception):
    pass


def build_command(src_path, out_name, opts):
    engine = opts.get("engine", "xelatex")
    cmd = f"pandoc {src_path} -o {EXPORT_DIR}/{out_name}.pdf --pdf-engine={engine}"
    if opts.get("toc"):
        cmd += " --toc"
    if opts.get("title"):
        cmd += f" --metadata title='{opts['title']}'"
    if opts.get("paper"):
        cmd += f" -V papersize={opts['paper']}"
    return cmd


def export(job: dict) -> str:
    doc_id = int(job["doc_id"])
    src = os.path.join(SOURCE_DIR, f"{doc_id}.md")
    if not os.path.exists(src):
        raise ExportError(f"document {doc_id} has no markdown source")
    cmd = build_command(src, job["output_name"], job.get("options", {}))
    log.debug("running export for doc %d", doc_id)
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)  # VULN flow
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
