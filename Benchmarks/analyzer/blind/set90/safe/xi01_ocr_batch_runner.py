"""OCR batch runner for e-discovery intake.

Reviewers pick a scanned production document from the intake folder and
this service runs tesseract on it, storing the text layer next to the
native so it can be indexed by the review platform.
"""
import logging
import os
import re
import subprocess
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("ocr_runner")

INTAKE_ROOT = os.environ.get("INTAKE_ROOT", "/srv/ediscovery/intake")
MATTER_RE = re.compile(r"^[A-Z0-9-]{3,32}$")
DOCUMENT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
LANGUAGES = {"eng", "spa", "fra", "deu", "por", "chi_sim", "vie"}


@dataclass
class OcrJob:
    matter_id: str
    document: str
    language: str = "eng"

    def source_path(self) -> str:
        return os.path.join(INTAKE_ROOT, self.matter_id, "native", self.document)

    def output_base(self) -> str:
        stem = os.path.splitext(self.document)[0]
        return os.path.join(INTAKE_ROOT, self.matter_id, "text", stem)

    def is_valid(self) -> bool:
        return bool(
            MATTER_RE.match(self.matter_id)
            and DOCUMENT_RE.match(self.document)
            and ".." not in self.document
            and self.language in LANGUAGES
        )


def build_command(job: OcrJob) -> list:
    return [
        "tesseract",
        job.source_path(),
        job.output_base(),
        "-l",
        job.language,
        "--psm",
        "3",
    ]


def run_ocr(job: OcrJob) -> int:
    cmd = build_command(job)
    log.info("starting OCR for matter=%r doc=%r", job.matter_id, job.document)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.warning("tesseract exited %d: %r", proc.returncode, proc.stderr[-500:])
    return proc.returncode


@app.post("/matters/<matter_id>/ocr")
def queue_ocr(matter_id):
    body = request.get_json(force=True, silent=True) or {}
    job = OcrJob(
        matter_id=matter_id,
        document=body.get("document", ""),
        language=body.get("lang", "eng"),
    )
    if not job.document:
        return jsonify(error="document is required"), 400
    if not job.is_valid():
        return jsonify(error="invalid matter, document or language"), 400

    rc = run_ocr(job)
    status = "ok" if rc == 0 else "failed"
    return jsonify(matter=matter_id, document=job.document, status=status)


@app.get("/healthz")
def healthz():
    return jsonify(ok=True)
