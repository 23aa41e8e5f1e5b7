"""Export LAS well logs to PDF using the las2pdf converter on the log server."""
import logging
import os
import subprocess

from flask import Flask, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("well_export")

LAS_ROOT = os.environ.get("WELL_LAS_ROOT", "/srv/welllogs/las")
EXPORT_ROOT = os.environ.get("WELL_EXPORT_ROOT", "/srv/welllogs/exports")
CONVERTER = "/opt/petrotools/bin/las2pdf"


class ExportJob:
    def __init__(self, well_id: str, curves: str, depth_unit: str = "m"):
        self.well_id = well_id
        self.curves = curves
        self.depth_unit = depth_unit

    @property
    def source(self) -> str:
        return os.path.join(LAS_ROOT, f"{self.well_id}.las")

    @property
    def target(self) -> str:
        return os.path.join(EXPORT_ROOT, f"{self.well_id}.pdf")


def build_command(job: ExportJob) -> str:
    parts = [
        CONVERTER,
        "--in", job.source,
        "--out", job.target,
        "--curves", job.curves,
        "--units", job.depth_unit,
    ]
    return " ".join(parts)


def run_export(job: ExportJob) -> int:
    cmd = build_command(job)
    log.info("running converter for well %r", job.well_id)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        log.error("las2pdf failed (rc=%d): %s", proc.returncode, proc.stderr[:500])
    return proc.returncode


@app.route("/wells/<well_id>/export", methods=["POST"])
def export_well(well_id):
    payload = request.get_json(silent=True) or {}
    job = ExportJob(
        well_id=well_id,
        curves=payload.get("curves", "GR,RHOB,NPHI"),
        depth_unit=payload.get("units", "m"),
    )
    if not os.path.exists(job.source):
        return jsonify(error="unknown well"), 404
    rc = run_export(job)
    if rc != 0:
        return jsonify(error="conversion failed"), 500
    return send_file(job.target, mimetype="application/pdf",
                     download_name=f"{well_id}.pdf")


@app.route("/wells/<well_id>/export", methods=["GET"])
def export_status(well_id):
    job = ExportJob(well_id=well_id, curves="")
    return jsonify(well=well_id, ready=os.path.exists(job.target))
