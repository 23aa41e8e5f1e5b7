"""Print agent for kitchen tickets and guest receipts.

Runs on the back-office PC in each outlet, polls the cloud POS for pending
print jobs and hands them to CUPS.

    print-agent run --outlet RIVERSIDE --printer kitchen_epson
"""
import logging
import os
import subprocess
import tempfile
import time

import requests
import typer

app = typer.Typer(help="POS print agent")
log = logging.getLogger("print_agent")

API_BASE = os.environ.get("POS_API_BASE", "https://pos.example.com/api/v2")
API_TOKEN = os.environ.get("POS_AGENT_TOKEN", "")


def _headers() -> dict:
    return {"Authorization": f"Bearer {API_TOKEN}", "Accept": "application/json"}


def poll_jobs(outlet: str) -> list:
    resp = requests.get(
        f"{API_BASE}/outlets/{outlet}/print-jobs",
        headers=_headers(), params={"state": "pending"}, timeout=10,
    )
    resp.raise_for_status()
    return resp.json().get("jobs", [])


def ack_job(outlet: str, job_id: str, ok: bool) -> None:
    requests.post(
        f"{API_BASE}/outlets/{outlet}/print-jobs/{job_id}/ack",
        headers=_headers(), json={"printed": ok}, timeout=10,
    )


def spool(job: dict, default_printer: str) -> int:
    printer = job.get("printer") or default_printer
    copies = max(1, min(int(job.get("copies", 1)), 5))
    title = "Table %s - %s" % (job.get("table", "?"), job.get("guest_name", ""))
    fd, path = tempfile.mkstemp(prefix="ticket_", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(job.get("body", ""))
        cmd = ["lp", "-d", printer, "-n", str(copies), "-t", title, "--", path]
        return subprocess.run(cmd, check=False).returncode
    finally:
        os.unlink(path)


@app.command()
def run(outlet: str = typer.Option(...), printer: str = typer.Option("kitchen"), interval: float = 3.0):
    """Poll for jobs forever."""
    logging.basicConfig(level=logging.INFO)
    while True:
        try:
            for job in poll_jobs(outlet):
                rc = spool(job, printer)
                ack_job(outlet, job["id"], rc == 0)
                log.info("job %r printed rc=%s", job["id"], rc)
        except requests.RequestException as exc:
            log.warning("poll failed: %s", exc)
        time.sleep(interval)


if __name__ == "__main__":
    app()
