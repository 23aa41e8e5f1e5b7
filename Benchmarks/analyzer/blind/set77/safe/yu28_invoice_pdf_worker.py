"""SQS consumer that renders tradesperson invoices to PDF.

Messages are produced when a tradesperson finalises an invoice in the app:
{"invoice_id": 991, "html_key": "invoices/991.html", "title": "...", "footer": "..."}
"""
import json
import logging
import os
import subprocess
import tempfile

import boto3

log = logging.getLogger("invoice-pdf")

QUEUE_URL = os.environ["INVOICE_QUEUE_URL"]
BUCKET = os.environ.get("INVOICE_BUCKET", "handyhub-invoices")
WKHTML = "wkhtmltopdf"


class RenderRequest:
    def __init__(self, message: dict):
        body = json.loads(message["Body"])
        self.receipt = message["ReceiptHandle"]
        self.invoice_id = int(body["invoice_id"])
        self.html_key = body["html_key"]
        self.title = body.get("title", f"Invoice {self.invoice_id}")
        self.footer = body.get("footer", "")

    def options(self) -> list[str]:
        opts = ["--title", self.title, "--page-size", "A4"]
        if self.footer:
            opts += ["--footer-center", self.footer]
        return opts


def render(req: RenderRequest, s3) -> str:
    with tempfile.TemporaryDirectory() as workdir:
        html_path = os.path.join(workdir, "invoice.html")
        pdf_path = os.path.join(workdir, "invoice.pdf")
        s3.download_file(BUCKET, req.html_key, html_path)
        command = [WKHTML, *req.options(), html_path, pdf_path]
        subprocess.run(command, check=True, timeout=120)
        out_key = f"invoices/pdf/{req.invoice_id}.pdf"
        s3.upload_file(pdf_path, BUCKET, out_key)
    return out_key


def poll(sqs, s3) -> int:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
    handled = 0
    for message in resp.get("Messages", []):
        try:
            req = RenderRequest(message)
            key = render(req, s3)
            log.info("invoice %s rendered to %s", req.invoice_id, key)
        except (KeyError, ValueError, subprocess.SubprocessError):
            log.exception("could not render message %s", message.get("MessageId"))
            continue
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=req.receipt)
        handled += 1
    return handled


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    sqs, s3 = boto3.client("sqs"), boto3.client("s3")
    while True:
        poll(sqs, s3)


if __name__ == "__main__":
    main()
