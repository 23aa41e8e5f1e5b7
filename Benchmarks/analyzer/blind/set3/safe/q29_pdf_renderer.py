import os
import subprocess
import tempfile

from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
OUTPUT_DIR = "/srv/app/invoices"


def render_invoice_pdf(invoice):
    html = env.get_template("invoice.html").render(invoice=invoice)
    fd, path = tempfile.mkstemp(suffix=".html")
    out = path[:-5] + ".pdf"
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
        subprocess.run(["wkhtmltopdf", "--quiet", path, out], check=True, timeout=60)
        with open(out, "rb") as fh:
            return fh.read()
    finally:
        for p in (path, out):
            if os.path.exists(p):
                os.remove(p)


def archive_invoice(invoice):
    target = os.path.join(OUTPUT_DIR, f"invoice-{int(invoice['id'])}.pdf")
    with open(target, "wb") as fh:
        fh.write(render_invoice_pdf(invoice))
    os.chmod(target, 0o640)
    return target
