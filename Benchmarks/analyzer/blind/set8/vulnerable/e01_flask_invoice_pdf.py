"""Invoice PDF rendering endpoint for the billing portal.

The HTML print view is rendered by the main app; this service shells out to
wkhtmltopdf and streams the result back to the browser.
"""
import logging
import os
import subprocess
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
log = logging.getLogger("billing.pdf")

WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
OUTPUT_DIR = Path(os.environ.get("INVOICE_OUT", "/var/lib/billing/pdf"))
INVOICE_BASE_URL = os.environ.get("INVOICE_BASE_URL", "http://localhost:8000/invoices")


def build_render_command(invoice_id: str, paper: str) -> str:
    """Compose the wkhtmltopdf command line for one invoice."""
    source = f"{INVOICE_BASE_URL}/{invoice_id}/print"
    target = OUTPUT_DIR / f"invoice-{invoice_id}.pdf"
    return f"{WKHTMLTOPDF} --page-size {paper} --quiet {source} {target}"


@app.route("/invoices/<invoice_id>/pdf")
def invoice_pdf(invoice_id):
    paper = request.args.get("paper", "A4")
    cmd = build_render_command(invoice_id, paper)
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow
    except subprocess.CalledProcessError as exc:
        log.error("wkhtmltopdf exited with %s", exc.returncode)
        abort(500)
    except subprocess.TimeoutExpired:
        log.error("wkhtmltopdf timed out")
        abort(504)

    pdf_path = OUTPUT_DIR / f"invoice-{invoice_id}.pdf"
    if not pdf_path.is_file():
        abort(404)
    return send_file(
        pdf_path,
        mimetype="application/pdf",
        download_name=f"invoice-{invoice_id}.pdf",
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5003)
