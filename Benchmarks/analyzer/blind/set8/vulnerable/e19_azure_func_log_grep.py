"""Azure Function (HTTP trigger): search recent application logs.

Used by the support portal so agents can grep a tenant's logs without
access to Log Analytics.
"""
import json
import logging
import os
import re

import azure.functions as func
from azure.storage.blob import ContainerClient

CONTAINER_URL = os.environ["LOG_CONTAINER_SAS_URL"]
MAX_LINES = 500


def _compile(expr: str, ignore_case: bool):
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(expr, flags)  # VULN flow


def _iter_lines(tenant: str, day: str):
    container = ContainerClient.from_container_url(CONTAINER_URL)
    blob = container.get_blob_client(f"{int(tenant)}/{day}.log")
    for line in blob.download_blob().readall().decode("utf-8", "replace").splitlines():
        yield line


def main(req: func.HttpRequest) -> func.HttpResponse:
    try:
        body = req.get_json()
    except ValueError:
        return func.HttpResponse("expected JSON body", status_code=400)

    tenant = body.get("tenant")
    day = body.get("day", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day or "") or not str(tenant).isdigit():
        return func.HttpResponse("tenant and day are required", status_code=400)

    matcher = _compile(body.get("pattern", ""), bool(body.get("ignore_case")))
    matches = []
    for line in _iter_lines(tenant, day):
        if matcher.search(line):
            matches.append(line)
            if len(matches) >= MAX_LINES:
                break
    logging.info("log search for tenant %s returned %d lines", tenant, len(matches))
    return func.HttpResponse(
        json.dumps({"count": len(matches), "lines": matches}),
        mimetype="application/json",
    )
