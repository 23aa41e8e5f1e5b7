"""Document conversion service: converts uploaded office documents to PDF."""
import logging
import os
import shlex
import subprocess

from flask import Flask, abort, request, send_file

app = Flask(__name__)
log = logging.getLogger("converter")

UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/srv/convert/incoming")
OUTPUT_DIR = os.environ.get("OUTPUT_DIR", "/srv/convert/out")
ALLOWED_EXTS = {".doc", ".docx", ".odt", ".rtf", ".xlsx", ".pptx"}


def store_upload(upload):
    name = os.path.basename(upload.filename or "")
    stem, ext = os.path.splitext(name)
    if not stem or ext.lower() not in ALLOWED_EXTS:
        abort(415)
    path = os.path.join(UPLOAD_DIR, name)
    upload.save(path)
    return path


class Converter:
    binary = "soffice"

    def command_for(self, src):
        return (
            f"{self.binary} --headless --convert-to pdf "
            f"--outdir {shlex.quote(OUTPUT_DIR)} {shlex.quote(src)}"
        )

    def convert(self, src):
        cmd = self.command_for(src)
        proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            _, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise RuntimeError("conversion timed out")
        if proc.returncode != 0:
            log.error("soffice exited with %d", proc.returncode)
            raise RuntimeError("conversion failed")
        stem = os.path.splitext(os.path.basename(src))[0]
        return os.path.join(OUTPUT_DIR, stem + ".pdf")


converter = Converter()


@app.post("/convert")
def convert():
    upload = request.files.get("document")
    if upload is None:
        abort(400)
    src = store_upload(upload)
    try:
        pdf_path = converter.convert(src)
    except RuntimeError:
        abort(502)
    finally:
        os.remove(src)
    return send_file(pdf_path, mimetype="application/pdf", as_attachment=True,
                     download_name=os.path.basename(pdf_path))
