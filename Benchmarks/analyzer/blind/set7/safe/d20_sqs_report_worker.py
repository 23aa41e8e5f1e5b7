import json
import logging
import os
import time
import uuid

import boto3
from jinja2 import Environment, FileSystemLoader, select_autoescape

log = logging.getLogger("report-worker")
sqs = boto3.client("sqs")
QUEUE_URL = os.environ["REPORT_QUEUE_URL"]
OUT_DIR = os.environ.get("REPORT_OUT_DIR", "/data/reports")
TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")
TEMPLATES = {"monthly": "monthly_summary.html", "usage": "usage_detail.html", "invoice": "invoice.html"}

env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html"]))


def render_report(job):
    template = env.get_template(TEMPLATES[job["kind"]])
    return template.render(title=job.get("title", "Report"), rows=job.get("rows", []))


def write_report(job, html):
    report_id = uuid.UUID(str(job["report_id"]))
    dest = os.path.join(OUT_DIR, f"{report_id}.html")
    with open(dest, "w", encoding="utf-8") as fh:
        fh.write(html)
    return dest


def handle(message):
    job = json.loads(message["Body"])
    html = render_report(job)
    dest = write_report(job, html)
    log.info("report written (%d bytes)", len(html))
    return dest


def poll_forever():
    os.makedirs(OUT_DIR, exist_ok=True)
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for message in resp.get("Messages", []):
            try:
                handle(message)
            except (KeyError, ValueError):
                log.exception("bad report job")
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])
        if not resp.get("Messages"):
            time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    poll_forever()
