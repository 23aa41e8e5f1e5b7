"""Print farm spooler: unpacks uploaded job bundles (G-code + thumbnails) for the printers."""
import json
import logging
import os
import tarfile
import uuid
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("printfarm.spool")

SPOOL_DIR = os.environ.get("PRINTFARM_SPOOL", "/srv/printfarm/spool")
INCOMING_DIR = os.path.join(SPOOL_DIR, "incoming")
PRINTERS = {"mk4-a", "mk4-b", "xl-1", "voron-2"}


@dataclass
class PrintJob:
    job_id: str
    printer: str
    bundle_path: str
    workdir: str = ""


class Spooler:
    def __init__(self, spool_dir: str) -> None:
        self.spool_dir = spool_dir

    def _check_members(self, tar: tarfile.TarFile, dest: str) -> None:
        for member in tar.getmembers():
            target = os.path.join(dest, member.name)
            if not target.startswith(dest):
                raise ValueError(f"blocked member {member.name!r}")

    def _read_manifest(self, workdir: str) -> dict:
        with open(os.path.join(workdir, "manifest.json"), encoding="utf-8") as fh:
            manifest = json.load(fh)
        if not manifest.get("gcode", "").endswith(".gcode"):
            raise ValueError("manifest must reference a .gcode file")
        return manifest

    def unpack(self, job: PrintJob) -> dict:
        dest = os.path.join(self.spool_dir, job.job_id)
        os.makedirs(dest, exist_ok=True)
        with tarfile.open(job.bundle_path, "r:*") as tar:
            self._check_members(tar, dest)
            tar.extractall(dest)  # VULN flow
        job.workdir = dest
        return self._read_manifest(dest)


spooler = Spooler(SPOOL_DIR)


@app.post("/jobs")
def submit_job():
    printer = request.form.get("printer", "")
    if printer not in PRINTERS:
        abort(400, description="unknown printer")
    upload = request.files.get("bundle")
    if upload is None:
        abort(400, description="bundle is required")
    job_id = uuid.uuid4().hex
    os.makedirs(INCOMING_DIR, exist_ok=True)
    bundle_path = os.path.join(INCOMING_DIR, f"{job_id}.tar")
    upload.save(bundle_path)
    job = PrintJob(job_id=job_id, printer=printer, bundle_path=bundle_path)
    try:
        manifest = spooler.unpack(job)
    except (tarfile.TarError, ValueError, OSError) as exc:
        log.warning("rejected bundle %s: %s", job_id, exc)
        abort(422, description="invalid job bundle")
    log.info("queued job %s on %s", job_id, printer)
    return jsonify({"job": job_id, "printer": printer,
                    "estimate_min": manifest.get("estimate_min")}), 202
