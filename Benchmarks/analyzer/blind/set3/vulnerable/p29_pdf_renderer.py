import os
import subprocess
import tempfile

from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())


def render_invoice_pdf(invoice):
    html = env.get_template("invoice.html").render(invoice=invoice)
    path = tempfile.mktemp(suffix=".html")  # VULN
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(html)
    out = path[:-5] + ".pdf"
    try:
        subprocess.run(["wkhtmltopdf", "--quiet", path, out], check=True, timeout=60)
        with open(out, "rb") as fh:
            return fh.read()
    finally:
        for p in (path, out):
            if os.path.exists(p):
                os.remove(p)
