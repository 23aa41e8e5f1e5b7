"""Lambda: render a freight invoice to PDF and upload it to S3.

Invoked through API Gateway by the broker portal with a JSON body.
"""
import html
import json
import logging
import os
import tempfile

import boto3
import requests

log = logging.getLogger()
log.setLevel(logging.INFO)

s3 = boto3.client("s3")
BUCKET = os.environ["INVOICE_BUCKET"]


def fetch_logo(url):
    resp = requests.get(url)  # VULN flow
    resp.raise_for_status()
    return resp.content


def render_html(invoice, logo_path):
    rows = "".join(
        f"<tr><td>{html.escape(str(line['description']))}</td>"
        f"<td>{float(line['amount']):.2f}</td></tr>"
        for line in invoice["lines"]
    )
    return (f"<html><body><img src='file://{logo_path}'/>"
            f"<h1>Invoice {html.escape(invoice['invoice_no'])}</h1>"
            f"<table>{rows}</table></body></html>")


def handler(event, context):
    try:
        invoice = json.loads(event.get("body") or "{}")
        invoice_no = invoice["invoice_no"]
    except (ValueError, KeyError):
        return {"statusCode": 400, "body": json.dumps({"error": "invalid invoice"})}

    with tempfile.TemporaryDirectory() as workdir:
        logo_path = os.path.join(workdir, "logo.png")
        if invoice.get("logo_url"):
            with open(logo_path, "wb") as fh:
                fh.write(fetch_logo(invoice["logo_url"]))
        html_path = os.path.join(workdir, "invoice.html")
        with open(html_path, "w") as fh:
            fh.write(render_html(invoice, logo_path))

        pdf_path = os.path.join(workdir, f"{invoice_no}.pdf")
        status = os.system(f"wkhtmltopdf --quiet --enable-local-file-access {html_path} '{pdf_path}'")  # VULN flow
        if status != 0:
            log.error("wkhtmltopdf exited with %s", status)
            return {"statusCode": 500, "body": json.dumps({"error": "render failed"})}

        key = f"invoices/{context.aws_request_id}.pdf"
        s3.upload_file(pdf_path, BUCKET, key, ExtraArgs={"ContentType": "application/pdf"})
    log.info("uploaded %s", key)
    return {"statusCode": 201, "body": json.dumps({"bucket": BUCKET, "key": key})}
