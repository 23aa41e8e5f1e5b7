"""Instant quote endpoint: extract text from an uploaded PDF and count words."""
import logging
import os
import re
import tempfile

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("quotes")

RATES = {"standard": 0.11, "technical": 0.14, "legal": 0.17, "medical": 0.18}
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)


def extract_text(pdf_path: str, layout: str) -> str:
    txt_path = pdf_path[:-4] + ".txt"
    cmd = "pdftotext -%s -enc UTF-8 %s %s" % (layout, pdf_path, txt_path)
    status = os.system(cmd)  # VULN flow
    if status != 0:
        raise RuntimeError("pdftotext exited with %d" % status)
    try:
        with open(txt_path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    finally:
        os.remove(txt_path)


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

    pdf_path = tempfile.mktemp(suffix=".pdf", prefix="quote_")  # VULN
    upload.save(pdf_path)
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
