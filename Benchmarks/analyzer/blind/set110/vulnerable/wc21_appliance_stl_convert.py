"""Celery tasks that prepare intraoral scans for the appliance lab
(night guards, clear aligners, retainers).

The practice portal stores the uploaded STL under INCOMING using the file
name the dentist uploaded and then enqueues ``prepare_scan``.
"""
import logging
import os
import subprocess

from celery import Celery

celery = Celery("appliance_lab", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/3"))
log = logging.getLogger("appliance_lab.scans")

INCOMING = os.environ.get("SCAN_INCOMING", "/srv/lab/incoming")
WORKDIR = os.environ.get("SCAN_WORKDIR", "/srv/lab/work")
ARCHES = {"upper", "lower", "both"}
FILTER_SCRIPT = "/opt/lab/filters/decimate_200k.mlx"


class ScanJob:
    def __init__(self, order_id: int, upload_name: str, arch: str):
        if arch not in ARCHES:
            raise ValueError("unknown arch")
        self.order_id = int(order_id)
        self.arch = arch
        self.src = os.path.join(INCOMING, upload_name)
        base = os.path.join(WORKDIR, f"order_{self.order_id}")
        os.makedirs(base, exist_ok=True)
        self.repaired = os.path.join(base, f"{arch}_repaired.stl")
        self.final = os.path.join(base, f"{arch}_final.stl")

    def repair_cmd(self) -> str:
        return (f'admesh --exact --fill-holes --normal-directions '
                f'--write-binary-stl="{self.repaired}" "{self.src}"')


def run_repair(job: ScanJob) -> None:
    cmd = job.repair_cmd()
    log.debug("repair: %r", cmd)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"admesh failed with status {rc}")


def decimate(job: ScanJob) -> None:
    subprocess.run(["meshlabserver", "-i", job.repaired, "-o", job.final, "-s", FILTER_SCRIPT],
                   check=True, capture_output=True)


@celery.task(bind=True, max_retries=2, default_retry_delay=60)
def prepare_scan(self, order_id: int, upload_name: str, arch: str):
    try:
        job = ScanJob(order_id, upload_name, arch)
        run_repair(job)
        decimate(job)
    except subprocess.CalledProcessError as exc:
        log.warning("meshlab failed for order %s: %r", order_id, exc.stderr[-500:])
        raise self.retry(exc=exc)
    except RuntimeError as exc:
        log.error("scan preparation failed for order %s: %s", order_id, exc)
        return {"order_id": order_id, "status": "failed"}
    return {"order_id": order_id, "status": "ready", "file": job.final}
