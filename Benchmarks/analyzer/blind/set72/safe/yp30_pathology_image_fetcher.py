"""SQS worker: download digital pathology / dermatoscopy images referenced in
result notifications from partner labs, and attach them to the patient chart.

Notification body (JSON)::

    {"accession": "P24-00812", "patient_id": 7781,
     "images": [{"url": "https://...", "filename": "slide_1.jpg"}]}
"""
import json
import logging
import os
import re
import time
from urllib.parse import urlsplit

import boto3
import requests

log = logging.getLogger("path_images")

QUEUE_URL = os.environ["PATH_IMAGE_QUEUE_URL"]
IMAGE_ROOT = os.environ.get("PATH_IMAGE_ROOT", "/srv/chart/pathology")
MAX_BYTES = 50 * 1024 * 1024
PARTNER_HOSTS = {"images.questpath.example.com", "media.labcorp-partner.example.com"}
_FILENAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.(jpg|jpeg|png|tif|tiff|svs)$", re.I)
_ACCESSION = re.compile(r"^[A-Z0-9-]{3,32}$")


class ImageFetcher:
    def __init__(self, http: requests.Session):
        self.http = http

    def fetch(self, url: str) -> bytes:
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in PARTNER_HOSTS or parts.port not in (None, 443):
            raise ValueError("image host not allowed")
        resp = self.http.get(url, timeout=(5, 60), stream=True, allow_redirects=False)
        resp.raise_for_status()
        data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
        if len(data) > MAX_BYTES:
            raise ValueError("image too large")
        return data


def accession_dir(patient_id: int, accession: str) -> str:
    if not _ACCESSION.match(accession):
        raise ValueError("bad accession number")
    path = os.path.join(IMAGE_ROOT, str(int(patient_id)), accession)
    os.makedirs(path, exist_ok=True)
    return path


def store_image(folder: str, filename: str, data: bytes) -> str:
    if not _FILENAME.match(filename):
        raise ValueError("bad image filename")
    dest = os.path.join(folder, filename)
    with open(dest, "wb") as fh:
        fh.write(data)
    return dest


def handle_notification(fetcher: ImageFetcher, body: dict) -> int:
    folder = accession_dir(body["patient_id"], body["accession"])
    stored = 0
    for image in body.get("images", []):
        data = fetcher.fetch(image["url"])
        store_image(folder, image["filename"], data)
        stored += 1
    return stored


def main():
    logging.basicConfig(level=logging.INFO)
    sqs = boto3.client("sqs")
    fetcher = ImageFetcher(requests.Session())
    while True:
        batch = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for msg in batch.get("Messages", []):
            try:
                body = json.loads(msg["Body"])
                count = handle_notification(fetcher, body)
                log.info("accession stored %d images", count)
                sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])
            except Exception:
                log.exception("failed to process notification %r", msg.get("MessageId"))
        if not batch.get("Messages"):
            time.sleep(1)


if __name__ == "__main__":
    main()
