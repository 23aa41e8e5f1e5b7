"""Instant quote endpoint: extract text from an uploaded PDF and count words."""
import logging
import os
import re
import subprocess
import tempfile

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("quotes")

RATES = {"standard": 0.11, "technical": 0.14, "legal": 0.17, "medical": 0.18}
LAYOUTS = {"raw", "layout", "simple"}
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)


def extract_text(pdf_path: str, layout: str) -> str:
    if layout not in LAYOUTS:
        raise ValueError("unsupported layout")
    cmd = ["pdftotext", "-" + layout, "-enc", "UTF-8", pdf_path, "-"]
    proc = subprocess.run(cmd, capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError("pdftotext exited with %d" % proc.returncode)
    return proc.stdout.decode("utf-8", errors="replace")


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


@app.route("/api/quote", methods=["POST"])
def quote():
    upload = request.files.get("document")
    if upload is None or not upload.filename.lower().endswith(".pdf"):
        return jsonify(error="please upload a PDF"), 400
    domain = request.form.get("domain", "standard")
    if domain not in RATES:
        return jsonify(error="unknown domain"), 400
    layout = request.form.get("layout", "raw")
    if layout not in LAYOUTS:
        return jsonify(error="unknown layout"), 400

    fd, pdf_path = tempfile.mkstemp(suffix=".pdf", prefix="quote_")
    with os.fdopen(fd, "wb") as fh:
        upload.save(fh)
    try:
        words = count_words(extract_text(pdf_path, layout))
    except RuntimeError:
        log.exception("text extraction failed")
        return jsonify(error="could not read PDF"), 422
    finally:
        if os.path.exists(pdf_path):
            os.remove(pdf_path)

    price = round(words * RATES[domain], 2)
    log.info("quote: %d words, domain=%r, price=%.2f", words, domain, price)
    return jsonify(words=words, domain=domain, rate=RATES[domain], price=price, currency="EUR")
