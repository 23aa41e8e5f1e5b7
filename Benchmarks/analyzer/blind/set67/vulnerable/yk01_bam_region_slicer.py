"""Small HTTP service that slices BAM files by genomic region for the review portal."""
import logging
import os
import subprocess
import uuid

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("bam_slicer")

BAM_ROOT = os.environ.get("BAM_ROOT", "/data/alignments")
SLICE_DIR = os.environ.get("SLICE_DIR", "/data/slices")
SAMTOOLS = os.environ.get("SAMTOOLS_BIN", "samtools")


class SliceRequest:
    def __init__(self, sample_id, region, min_mapq=0):
        self.sample_id = sample_id
        self.region = region
        self.min_mapq = min_mapq

    @classmethod
    def from_json(cls, payload):
        return cls(
            sample_id=str(payload.get("sample_id", "")),
            region=str(payload.get("region", "")).strip(),
            min_mapq=int(payload.get("min_mapq", 0)),
        )


def _known_bams():
    return {
        name[: -len(".bam")]: os.path.join(BAM_ROOT, name)
        for name in os.listdir(BAM_ROOT)
        if name.endswith(".bam")
    }


def build_command(req, bam_path, out_path):
    return (
        f"{SAMTOOLS} view -b -q {req.min_mapq} "
        f"{bam_path} {req.region} -o {out_path}"
    )


def run_slice(req):
    bam_path = _known_bams().get(req.sample_id)
    if bam_path is None:
        abort(404)
    out_path = os.path.join(SLICE_DIR, f"{uuid.uuid4().hex}.bam")
    cmd = build_command(req, bam_path, out_path)
    log.info("slicing sample %r", req.sample_id)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        log.error("samtools exited with %d", proc.returncode)
        abort(500)
    return out_path


@app.route("/slice", methods=["POST"])
def slice_bam():
    try:
        req = SliceRequest.from_json(request.get_json(force=True) or {})
    except (TypeError, ValueError):
        return jsonify(error="malformed request"), 400
    if not req.region:
        return jsonify(error="region is required"), 400
    out_path = run_slice(req)
    return send_file(
        out_path,
        mimetype="application/octet-stream",
        as_attachment=True,
        download_name=f"{req.sample_id}.slice.bam",
    )


@app.get("/healthz")
def healthz():
    return jsonify(status="ok", bams=len(_known_bams()))
