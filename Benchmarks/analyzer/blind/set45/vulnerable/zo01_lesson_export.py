"""Lesson export endpoints for the course authoring tool.

Teachers can export a rendered lesson to PDF; the print view is rendered by
the main app and converted with wkhtmltopdf on the worker host.
"""
import logging
import os
import subprocess
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request, send_from_directory

app = Flask(__name__)
log = logging.getLogger("authoring.export")

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/var/lib/authoring/exports")
RENDER_BASE = os.environ.get("RENDER_BASE", "http://localhost:8000/lessons")


@dataclass
class ExportJob:
    lesson_id: int
    title: str
    page_size: str = "A4"
    orientation: str = "Portrait"

    @property
    def output_name(self) -> str:
        slug = self.title.strip().replace(" ", "_")
        return f"{self.lesson_id}_{slug}.pdf"


def build_command(job: ExportJob) -> str:
    source = f"{RENDER_BASE}/{job.lesson_id}/print"
    target = os.path.join(EXPORT_ROOT, job.output_name)
    parts = [
        "wkhtmltopdf",
        "--quiet",
        f"--page-size {job.page_size}",
        f"--orientation {job.orientation}",
        source,
        f"'{target}'",
    ]
    return " ".join(parts)


def run_export(job: ExportJob) -> str:
    cmd = build_command(job)
    log.info("running export for lesson %s", job.lesson_id)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=180)  # VULN flow
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip() or "export failed")
    return job.output_name


@app.route("/lessons/<int:lesson_id>/export", methods=["POST"])
def export_lesson(lesson_id: int):
    payload = request.get_json(silent=True) or {}
    title = payload.get("title")
    if not title:
        abort(400, "title required")
    job = ExportJob(
        lesson_id=lesson_id,
        title=title,
        page_size=payload.get("page_size", "A4"),
        orientation=payload.get("orientation", "Portrait"),
    )
    try:
        name = run_export(job)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        log.error("export of lesson %s failed: %s", lesson_id, exc)
        return jsonify({"error": "export failed"}), 500
    return jsonify({"file": name, "download": f"/exports/{name}"})


@app.route("/exports/<path:name>")
def download_export(name: str):
    return send_from_directory(EXPORT_ROOT, name, as_attachment=True)


if __name__ == "__main__":
    app.run(port=5005)
