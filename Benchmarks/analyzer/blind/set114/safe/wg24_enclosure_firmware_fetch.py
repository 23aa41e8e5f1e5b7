"""Falcon API used by the facilities team to stage firmware for enclosure
controllers (misting systems, heat lamps, pool pumps) before a rollout."""
import hashlib
import json
import logging
import os
import re
from urllib.parse import urlparse

import falcon
import requests

log = logging.getLogger("firmware_stage")

STAGING_DIR = os.environ.get("FIRMWARE_STAGING", "/srv/zoo/firmware/staging")
DOWNLOAD_TIMEOUT = 60
MAX_IMAGE = 64 * 1024 * 1024
VENDOR_HOSTS = {"downloads.climacontrol.com", "fw.aquapumps.eu", "firmware.lampworks.io"}
FILENAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class FirmwareDownloader:
    def __init__(self, staging_dir: str):
        self.staging_dir = os.path.realpath(staging_dir)

    def download(self, url: str) -> bytes:
        parsed = urlparse(url)
        if parsed.scheme != "https" or parsed.hostname not in VENDOR_HOSTS:
            raise falcon.HTTPBadRequest(description="source must be a known vendor https URL")
        resp = requests.get(url, timeout=DOWNLOAD_TIMEOUT, stream=True, allow_redirects=False)
        resp.raise_for_status()
        buf = bytearray()
        for chunk in resp.iter_content(chunk_size=1 << 16):
            buf.extend(chunk)
            if len(buf) > MAX_IMAGE:
                raise falcon.HTTPPayloadTooLarge(description="image too large")
        return bytes(buf)

    def stage(self, device_model: str, filename: str, blob: bytes) -> str:
        if not FILENAME_RE.match(filename):
            raise falcon.HTTPBadRequest(description="bad filename")
        folder = os.path.join(self.staging_dir, device_model)
        os.makedirs(folder, exist_ok=True)
        path = os.path.realpath(os.path.join(folder, filename))
        if os.path.commonpath([path, self.staging_dir]) != self.staging_dir:
            raise falcon.HTTPBadRequest(description="bad filename")
        with open(path, "wb") as fh:
            fh.write(blob)
        return path


class StageResource:
    def __init__(self, downloader: FirmwareDownloader):
        self.downloader = downloader

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        job = req.get_media()
        try:
            source = job["source_url"]
            model = job["device_model"]
            filename = job.get("filename") or source.rsplit("/", 1)[-1]
            expected = job["sha256"].lower()
        except (KeyError, AttributeError):
            raise falcon.HTTPBadRequest(description="source_url, device_model and sha256 required")
        if not model.isalnum():
            raise falcon.HTTPBadRequest(description="bad device model")
        blob = self.downloader.download(source)
        digest = hashlib.sha256(blob).hexdigest()
        if digest != expected:
            raise falcon.HTTPUnprocessableEntity(description="checksum mismatch")
        path = self.downloader.stage(model, filename, blob)
        log.info("staged %d bytes for %s", len(blob), model)
        resp.status = falcon.HTTP_201
        resp.text = json.dumps({"path": path, "sha256": digest})


app = falcon.App()
app.add_route("/firmware/stage", StageResource(FirmwareDownloader(STAGING_DIR)))
