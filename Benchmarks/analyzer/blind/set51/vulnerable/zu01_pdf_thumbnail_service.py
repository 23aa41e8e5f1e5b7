"""Render first-page thumbnails for uploaded preprints.

The reading-group site lets members upload a PDF; we store it under a
random name and call pdftoppm to render one page as a PNG for the listing.
"""
import logging
import os
import subprocess
import uuid

from flask import Flask, abort, jsonify, request, send_from_directory

app = Flask(__name__)
log = logging.getLogger("preprint.thumbs")

UPLOAD_DIR = os.environ.get("THUMB_UPLOAD_DIR", "/srv/preprints/uploads")
THUMB_DIR = os.environ.get("THUMB_OUT_DIR", "/srv/preprints/thumbs")
DEFAULT_DPI = "72"


class ThumbJob:
    def __init__(self, pdf_path, out_stem, dpi=DEFAULT_DPI, page=1):
        self.pdf_path = pdf_path
        self.out_stem = out_stem
        self.dpi = dpi
        self.page = page

    def command(self):
        return (
            f"pdftoppm -png -singlefile -r {self.dpi} -f {self.page} -l {self.page} "
            f'"{self.pdf_path}" "{self.out_stem}"'
        )


def run_job(job: ThumbJob) -> bool:
    cmd = job.command()
    log.debug("thumbnail command: %r", cmd)
    proc = subprocess.run(cmd, shell=True, capture_output=True, timeout=120)  # VULN flow
    if proc.returncode != 0:
        log.warning("pdftoppm failed: %r", proc.stderr.decode(errors="replace")[:200])
        return False
    return True


@app.route("/thumbs", methods=["POST"])
def create_thumbnail():
    upload = request.files.get("pdf")
    if upload is None or not upload.filename:
        return jsonify(error="no file"), 400
    if not upload.filename.lower().endswith(".pdf"):
        return jsonify(error="pdf only"), 400

    token = uuid.uuid4().hex
    pdf_path = os.path.join(UPLOAD_DIR, token + ".pdf")
    upload.save(pdf_path)

    job = ThumbJob(
        pdf_path,
        os.path.join(THUMB_DIR, token),
        dpi=request.form.get("dpi", DEFAULT_DPI),
        page=request.form.get("page", 1),
    )
    if not run_job(job):
        return jsonify(error="render failed"), 500
    return jsonify(id=token, url=f"/thumbs/{token}.png"), 201


@app.route("/thumbs/<token>.png")
def get_thumbnail(token):
    if not token.isalnum():
        abort(404)
    return send_from_directory(THUMB_DIR, token + ".png")


if __name__ == "__main__":
    app.run(port=5010)
