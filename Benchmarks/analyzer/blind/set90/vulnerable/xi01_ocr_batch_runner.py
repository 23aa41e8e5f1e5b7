"""OCR batch runner for e-discovery intake.

Reviewers pick a scanned production document from the intake folder and
this service runs tesseract on it, storing the text layer next to the
native so it can be indexed by the review platform.
"""
import logging
import os
import subprocess
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("ocr_runner")

INTAKE_ROOT = os.environ.get("INTAKE_ROOT", "/srv/ediscovery/intake")


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


def build_command(job: OcrJob) -> str:
    return "tesseract '%s' '%s' -l %s --psm 3" % (
        job.source_path(),
        job.output_base(),
        job.language,
    )


def run_ocr(job: OcrJob) -> int:
    cmd = build_command(job)
    log.info("starting OCR for matter=%r doc=%r", job.matter_id, job.document)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
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

    rc = run_ocr(job)
    status = "ok" if rc == 0 else "failed"
    return jsonify(matter=matter_id, document=job.document, status=status)


@app.get("/healthz")
def healthz():
    return jsonify(ok=True)
