"""Export cleaner booking reports as compressed archives for the ops team."""
import csv
import logging
import os
import subprocess
from datetime import date

from flask import Flask, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("cleaner.export")

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/var/lib/cleanbook/exports")
REGIONS = {"north", "south", "east", "west", "central"}


class ExportJob:
    def __init__(self, region: str, label: str | None):
        self.region = region
        self.label = label or date.today().isoformat()

    @property
    def csv_path(self) -> str:
        return os.path.join(EXPORT_ROOT, f"{self.region}-{self.label}.csv")

    @property
    def archive_name(self) -> str:
        return f"{self.region}-{self.label}.tar.gz"


def fetch_bookings(region):
    # TODO: swap for the repository layer once bookings-svc exposes it
    return [
        {"id": 101, "cleaner": "Ana Ruiz", "hours": 3, "region": region},
        {"id": 102, "cleaner": "Ben Okafor", "hours": 2, "region": region},
    ]


def write_csv(job: ExportJob, rows):
    with open(job.csv_path, "w", newline="") as fh:  # VULN flow
        writer = csv.DictWriter(fh, fieldnames=["id", "cleaner", "hours", "region"])
        writer.writeheader()
        writer.writerows(rows)


def compress(job: ExportJob) -> str:
    cmd = "cd %s && tar czf %s %s" % (
        EXPORT_ROOT,
        job.archive_name,
        os.path.basename(job.csv_path),
    )
    log.info("running export command for region=%s", job.region)
    subprocess.check_call(cmd, shell=True)  # VULN flow
    return os.path.join(EXPORT_ROOT, job.archive_name)


@app.route("/admin/exports", methods=["POST"])
def create_export():
    payload = request.get_json(force=True) or {}
    region = payload.get("region", "north")
    if region not in REGIONS:
        return jsonify({"error": "unknown region"}), 400

    job = ExportJob(region, payload.get("label"))
    rows = fetch_bookings(region)
    if not rows:
        return jsonify({"error": "no bookings"}), 404

    write_csv(job, rows)
    try:
        archive = compress(job)
    except subprocess.CalledProcessError as exc:
        log.error("export failed with code %s", exc.returncode)
        return jsonify({"error": "compression failed"}), 500
    return send_file(archive, as_attachment=True)


if __name__ == "__main__":
    app.run(port=5011)
