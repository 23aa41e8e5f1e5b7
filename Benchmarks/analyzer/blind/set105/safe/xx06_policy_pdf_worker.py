"""Worker that turns rendered policy schedules into PDFs for the document store."""
import json
import logging
import os
import re
import subprocess
import tempfile

import pika
from jinja2 import Environment, FileSystemLoader, select_autoescape

log = logging.getLogger("docgen.worker")

TEMPLATE_DIR = os.environ.get("DOCGEN_TEMPLATES", "/opt/docgen/templates")
OUTPUT_DIR = os.environ.get("DOCGEN_OUTPUT", "/srv/docgen/out")
QUEUE = "docgen.policy_schedule"

env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html"]))


class PolicyDocumentRenderer:
    def __init__(self, binary="/usr/local/bin/wkhtmltopdf", page_size="A4"):
        self.binary = binary
        self.page_size = page_size

    def render_html(self, job: dict) -> str:
        html = env.get_template("schedule.html").render(policy=job["policy"], holder=job["holder"])
        fd, path = tempfile.mkstemp(suffix=".html")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
        return path

    def to_pdf(self, html_path: str, out_name: str, title: str) -> str:
        out_path = os.path.join(OUTPUT_DIR, out_name)
        cmd = [self.binary, "--quiet", "--page-size", self.page_size,
               "--title", title, html_path, out_path]
        subprocess.run(cmd, check=True)
        return out_path


renderer = PolicyDocumentRenderer()


def output_name(job: dict) -> str:
    raw = f"{job['policy']['number']}_{job['holder']['last_name']}"
    return re.sub(r"[^A-Za-z0-9_-]", "", raw) + ".pdf"


def handle(ch, method, properties, body):
    job = json.loads(body)
    policy_no = job["policy"]["number"]
    title = job.get("document_title") or f"Policy schedule {policy_no}"
    html_path = renderer.render_html(job)
    try:
        pdf = renderer.to_pdf(html_path, output_name(job), title)
        log.info("rendered %r", pdf)
        ch.basic_ack(delivery_tag=method.delivery_tag)
    except subprocess.CalledProcessError:
        log.exception("wkhtmltopdf failed for policy %r", policy_no)
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
    finally:
        os.unlink(html_path)


def main():
    params = pika.URLParameters(os.environ["AMQP_URL"])
    conn = pika.BlockingConnection(params)
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    log.info("waiting for schedule jobs on %s", QUEUE)
    channel.start_consuming()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
