"""RQ worker job that renders printable shipping labels for paid orders."""
import html
import os
import subprocess
import tempfile

from redis import Redis
from rq import Queue

LABEL_DIR = os.environ.get("LABEL_DIR", "/var/lib/shop/labels")
queue = Queue("labels", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))

LABEL_TEMPLATE = """<html><body style="font-family: monospace">
<h2>{carrier}</h2>
<p><b>{name}</b><br>{street}<br>{postcode} {city}<br>{country}</p>
<p>Order #{order_id} &middot; {weight} kg</p>
</body></html>"""


def build_html(order):
    addr = order["shipping_address"]
    return LABEL_TEMPLATE.format(
        carrier=html.escape(order["carrier"]),
        name=html.escape(addr["name"]),
        street=html.escape(addr["street"]),
        postcode=html.escape(addr["postcode"]),
        city=html.escape(addr["city"]),
        country=html.escape(addr["country"]),
        order_id=int(order["id"]),
        weight="%.2f" % float(order["weight_kg"]),
    )


def render_label(order):
    html_path = tempfile.mktemp(suffix=".html")  # VULN
    with open(html_path, "w", encoding="utf-8") as fh:
        fh.write(build_html(order))
    pdf_path = os.path.join(LABEL_DIR, "%d.pdf" % int(order["id"]))
    title = "Label for %s" % order["shipping_address"]["name"]
    cmd = "wkhtmltopdf --quiet --page-size A6 --title '%s' %s %s" % (title, html_path, pdf_path)
    try:
        subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow
    finally:
        os.unlink(html_path)
    return pdf_path


def enqueue(order):
    return queue.enqueue(render_label, order, job_timeout=120)
