"""Lesson export endpoints for the course authoring tool.

Teachers can export a rendered lesson to PDF; the print view is rendered by
the main app and converted with wkhtmltopdf on the worker host.
"""
import logging
import os
import re
import subprocess
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request, send_from_directory

app = Flask(__name__)
log = logging.getLogger("authoring.export")

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/var/lib/authoring/exports")
RENDER_BASE = os.environ.get("RENDER_BASE", "http://localhost:8000/lessons")
PAGE_SIZES = {"A4", "A5", "Letter", "Legal"}
ORIENTATIONS = {"Portrait", "Landscape"}


@dataclass
class ExportJob:
    lesson_id: int
    title: str
    page_size: str = "A4"
    orientation: str = "Portrait"

    @property
    def output_name(self) -> str:
        slug = re.sub(r"[^A-Za-z0-9_-]+", "_", self.title.strip())[:80] or "lesson"
        return f"{self.lesson_id}_{slug}.pdf"


def build_command(job: ExportJob) -> list:
    source = f"{RENDER_BASE}/{job.lesson_id}/print"
    target = os.path.join(EXPORT_ROOT, job.output_name)
    parts = [
        "wkhtmltopdf",
        "--quiet",
        "--page-size", job.page_size,
        "--orientation", job.orientation,
        source,
        target,
    ]
    return parts


def run_export(job: ExportJob) -> str:
    cmd = build_command(job)
    log.info("running export for lesson %s", job.lesson_id)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip() or "export failed")
    return job.output_name


@app.route("/lessons/<int:lesson_id>/export", methods=["POST"])
def export_lesson(lesson_id: int):
    payload = request.get_json(silent=True) or {}
    title = payload.get("title")
    if not title:
        abort(400, "title required")
    page_size = payload.get("page_size", "A4")
    orientation = payload.get("orientation", "Portrait")
    if page_size not in PAGE_SIZES or orientation not in ORIENTATIONS:
        abort(400, "unsupported page options")
    job = ExportJob(
        lesson_id=lesson_id,
        title=title,
        page_size=page_size,
        orientation=orientation,
    )
    try:
        name = run_export(job)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        log.error("export of lesson %s failed: %r", lesson_id, exc)
        return jsonify({"error": "export failed"}), 500
    return jsonify({"file": name, "download": f"/exports/{name}"})


@app.route("/exports/<path:name>")
def download_export(name: str):
    return send_from_directory(EXPORT_ROOT, name, as_attachment=True)


if __name__ == "__main__":
    app.run(port=5005)
