"""Azure Function (HTTP trigger): search recent application logs.

Used by the support portal so agents can search a tenant's logs for a
literal string without access to Log Analytics.
"""
import json
import logging
import os
import re

import azure.functions as func
from azure.storage.blob import ContainerClient

CONTAINER_URL = os.environ["LOG_CONTAINER_SAS_URL"]
MAX_LINES = 500
MAX_TERM_LENGTH = 128


def build_matcher(term: str, ignore_case: bool):
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(re.escape(term), flags)


def _iter_lines(tenant: int, day: str):
    container = ContainerClient.from_container_url(CONTAINER_URL)
    blob = container.get_blob_client(f"{tenant}/{day}.log")
    for line in blob.download_blob().readall().decode("utf-8", "replace").splitlines():
        yield line


def main(req: func.HttpRequest) -> func.HttpResponse:
    try:
        body = req.get_json()
    except ValueError:
        return func.HttpResponse("expected JSON body", status_code=400)

    day = str(body.get("day", ""))
    term = str(body.get("term", ""))
    try:
        tenant = int(body.get("tenant"))
    except (TypeError, ValueError):
        return func.HttpResponse("tenant must be numeric", status_code=400)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return func.HttpResponse("day must be YYYY-MM-DD", status_code=400)
    if not 0 < len(term) <= MAX_TERM_LENGTH:
        return func.HttpResponse("term must be 1-128 characters", status_code=400)

    matcher = build_matcher(term, bool(body.get("ignore_case")))
    matches = []
    for line in _iter_lines(tenant, day):
        if matcher.search(line):
            matches.append(line)
            if len(matches) >= MAX_LINES:
                break
    logging.info("log search for tenant %d returned %d lines", tenant, len(matches))
    return func.HttpResponse(
        json.dumps({"count": len(matches), "lines": matches}),
        mimetype="application/json",
    )
