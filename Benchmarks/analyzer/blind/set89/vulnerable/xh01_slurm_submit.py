"""HTTP front-end that lets portal users submit templated batch jobs to Slurm."""
import logging
import os
import re
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("portal.submit")

SBATCH = os.environ.get("SBATCH_BIN", "/usr/bin/sbatch")
TEMPLATE_DIR = os.environ.get("JOB_TEMPLATE_DIR", "/srv/portal/templates")
TEMPLATES = {
    "cpu": "cpu_standard.sbatch",
    "gpu": "gpu_single.sbatch",
    "array": "array_sweep.sbatch",
}
PARTITIONS = {"compute", "gpu", "debug", "bigmem"}
JOBID_RE = re.compile(r"Submitted batch job (\d+)")


class SubmitError(RuntimeError):
    pass


def collect_options(form):
    partition = form.get("partition", "compute")
    if partition not in PARTITIONS:
        raise SubmitError(f"unknown partition {partition!r}")
    opts = {
        "partition": partition,
        "nodes": int(form.get("nodes", 1)),
        "time": form.get("time", "01:00:00"),
        "job-name": form.get("name", "portal-job"),
    }
    account = form.get("account")
    if account:
        opts["account"] = account
    return opts


def render_command(opts, script):
    flags = " ".join(f"--{key}={value}" for key, value in opts.items())
    return f"{SBATCH} {flags} {script}"


def run_sbatch(opts, script):
    command = render_command(opts, script)
    log.debug("running %r", command)
    proc = subprocess.run(command, shell=True, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        raise SubmitError(proc.stderr.strip() or "sbatch failed")
    match = JOBID_RE.search(proc.stdout)
    if not match:
        raise SubmitError("could not parse sbatch output")
    return int(match.group(1))


@app.post("/api/jobs")
def submit_job():
    template = request.form.get("template", "cpu")
    if template not in TEMPLATES:
        abort(400, "unknown template")
    script = os.path.join(TEMPLATE_DIR, TEMPLATES[template])
    try:
        opts = collect_options(request.form)
        job_id = run_sbatch(opts, script)
    except (SubmitError, ValueError) as exc:
        log.warning("submission rejected: %r", exc)
        return jsonify(error=str(exc)), 400
    log.info("submitted job %d from template %s", job_id, template)
    return jsonify(job_id=job_id, template=template), 201


@app.get("/api/templates")
def list_templates():
    return jsonify(sorted(TEMPLATES))
