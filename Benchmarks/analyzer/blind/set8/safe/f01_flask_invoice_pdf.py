"""Invoice PDF rendering endpoint for the billing portal.

The HTML print view is rendered by the main app; this service shells out to
wkhtmltopdf and streams the result back to the browser.
"""
import io
import logging
import os
import subprocess
import tempfile
from pathlib import Path

from flask import Flask, abort, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["BILLING_SESSION_KEY"]
log = logging.getLogger("billing.pdf")

WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
INVOICE_BASE_URL = os.environ.get("INVOICE_BASE_URL", "http://localhost:8000/invoices")
PAPER_SIZES = frozenset({"A4", "A5", "Letter", "Legal"})


def owns_invoice(customer_id: int, invoice_id: int) -> bool:
    from billing.db import get_connection  # local import keeps the CLI light

    with get_connection() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT 1 FROM invoices WHERE id = %s AND customer_id = %s",
            (invoice_id, customer_id),
        )
        return cur.fetchone() is not None


def build_render_args(invoice_id: int, paper: str, target: Path) -> list[str]:
    """Compose the wkhtmltopdf argument vector for one invoice."""
    source = f"{INVOICE_BASE_URL}/{invoice_id}/print"
    return [WKHTMLTOPDF, "--page-size", paper, "--quiet", source, str(target)]


@app.route("/invoices/<int:invoice_id>/pdf")
def invoice_pdf(invoice_id: int):
    customer_id = session.get("customer_id")
    if customer_id is None or not owns_invoice(customer_id, invoice_id):
        abort(404)
    paper = request.args.get("paper", "A4")
    if paper not in PAPER_SIZES:
        abort(400)

    with tempfile.TemporaryDirectory(prefix="invoice-") as tmp:
        target = Path(tmp) / f"invoice-{invoice_id}.pdf"
        try:
            subprocess.run(build_render_args(invoice_id, paper, target), check=True, timeout=60)
        except subprocess.CalledProcessError as exc:
            log.error("wkhtmltopdf exited with %s", exc.returncode)
            abort(500)
        except subprocess.TimeoutExpired:
            log.error("wkhtmltopdf timed out")
            abort(504)
        data = target.read_bytes()

    return send_file(
        io.BytesIO(data),
        mimetype="application/pdf",
        download_name=f"invoice-{invoice_id}.pdf",
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5003)
