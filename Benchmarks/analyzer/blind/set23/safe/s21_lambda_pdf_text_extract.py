"""Lambda behind API Gateway: extracts text from a tenant's uploaded PDF for search indexing."""
import json
import logging
import os
import subprocess
import tempfile

import boto3

log = logging.getLogger()
log.setLevel(logging.INFO)
s3 = boto3.client("s3")
BUCKET = os.environ.get("DOCS_BUCKET", "acme-customer-docs")
PDFTOTEXT = "/opt/bin/pdftotext"


class ExtractionRequest:
    def __init__(self, body: dict, tenant_id: str):
        self.tenant_id = tenant_id
        self.key = str(body["key"])
        self.first_page = max(1, int(body.get("first_page", 1)))
        self.last_page = max(self.first_page, min(int(body.get("last_page", 50)), 5000))
        self.layout = bool(body.get("layout", False))

    def owned(self) -> bool:
        return self.key.startswith(f"uploads/{self.tenant_id}/")


class PdfTextExtractor:
    def __init__(self, workdir: str):
        self.workdir = workdir

    def extract(self, req: ExtractionRequest) -> str:
        src = os.path.join(self.workdir, "input.pdf")
        dst = os.path.join(self.workdir, "output.txt")
        s3.download_file(BUCKET, req.key, src)
        flags = ["-layout"] if req.layout else []
        cmd = [PDFTOTEXT, *flags, "-f", str(req.first_page), "-l", str(req.last_page), src, dst]
        status = subprocess.run(cmd, capture_output=True, timeout=120).returncode
        if status != 0:
            raise RuntimeError(f"pdftotext exited with status {status}")
        with open(dst, encoding="utf-8", errors="replace") as fh:
            return fh.read()


def _response(code: int, payload: dict) -> dict:
    return {"statusCode": code, "headers": {"Content-Type": "application/json"}, "body": json.dumps(payload)}


def handler(event, context):
    tenant_id = event["requestContext"]["authorizer"]["claims"]["custom:tenant_id"]
    try:
        req = ExtractionRequest(json.loads(event.get("body") or "{}"), tenant_id)
    except (KeyError, TypeError, ValueError):
        return _response(400, {"error": "invalid request"})
    if not req.owned():
        return _response(403, {"error": "document does not belong to tenant"})
    with tempfile.TemporaryDirectory() as workdir:
        try:
            text = PdfTextExtractor(workdir).extract(req)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            log.warning("extraction failed for %r: %r", req.key, exc)
            return _response(422, {"error": "could not extract text"})
    out_key = "text/" + req.key[len("uploads/"):] + ".txt"
    s3.put_object(Bucket=BUCKET, Key=out_key, Body=text.encode("utf-8"))
    return _response(200, {"text_key": out_key, "chars": len(text)})
