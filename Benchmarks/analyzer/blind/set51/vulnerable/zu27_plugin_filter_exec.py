"""Spool worker that applies researcher-defined row filters to survey exports.

The survey portal writes one JSON job per request into the spool directory:

    {"job": "a1b2", "dataset": "wave3_2024.csv",
     "filter": "int(row['age']) >= 18 and row['consent'] == 'yes'",
     "columns": ["pid", "age", "q12", "q13"]}
"""
import csv
import json
import logging
from pathlib import Path

import typer

app = typer.Typer(help="survey export spool worker")
log = logging.getLogger("spool")

SPOOL = Path("/srv/surveys/spool")
DATASETS = Path("/srv/surveys/exports")
RESULTS = Path("/srv/surveys/results")


def build_predicate(source: str):
    code = "def _keep(row):\n    return bool({})\n".format(source)
    namespace: dict = {}
    exec(code, {"__builtins__": __builtins__}, namespace)  # VULN flow
    return namespace["_keep"]


def load_job(path: Path) -> dict:
    job = json.loads(path.read_text())
    job["dataset"] = Path(job["dataset"]).name
    job.setdefault("filter", "True")
    job.setdefault("columns", [])
    return job


def run_job(job: dict) -> int:
    keep = build_predicate(job["filter"])
    src = DATASETS / job["dataset"]
    out = RESULTS / f"{Path(str(job['job'])).name}.csv"
    written = 0
    with src.open(newline="") as fin, out.open("w", newline="") as fout:
        reader = csv.DictReader(fin)
        columns = [c for c in job["columns"] if c in reader.fieldnames] or reader.fieldnames
        writer = csv.DictWriter(fout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in reader:
            if keep(row):
                writer.writerow(row)
                written += 1
    return written


@app.command()
def drain(limit: int = typer.Option(50, help="max jobs per run")):
    """Process pending jobs in the spool directory."""
    for job_file in sorted(SPOOL.glob("*.json"))[:limit]:
        try:
            job = load_job(job_file)
            n = run_job(job)
            log.info("job %r: %d rows written", job.get("job"), n)
            job_file.rename(job_file.with_suffix(".done"))
        except Exception:
            log.exception("job file %r failed", job_file.name)
            job_file.rename(job_file.with_suffix(".failed"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
