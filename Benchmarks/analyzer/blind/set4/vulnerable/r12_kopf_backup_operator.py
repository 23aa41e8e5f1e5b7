import os

import kopf
import requests

BACKUP_API = os.environ.get("BACKUP_API_URL", "https://backup-api.storage.svc:8443")


def _client():
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {os.environ['BACKUP_API_TOKEN']}"
    session.verify = False  # VULN
    return session


@kopf.on.create("backups.example.com", "v1", "backupjobs")
def create_backup(spec, name, namespace, logger, **kwargs):
    resp = _client().post(
        f"{BACKUP_API}/api/v1/jobs",
        json={"name": name, "namespace": namespace, "volumes": spec.get("volumes", [])},
        timeout=30,
    )
    if resp.status_code >= 500:
        raise kopf.TemporaryError(f"backup api returned {resp.status_code}", delay=60)
    resp.raise_for_status()
    job_id = resp.json()["id"]
    logger.info("backup job %s submitted", job_id)
    return {"jobId": job_id}


@kopf.on.delete("backups.example.com", "v1", "backupjobs")
def delete_backup(status, logger, **kwargs):
    job_id = (status.get("create_backup") or {}).get("jobId")
    if job_id:
        _client().delete(f"{BACKUP_API}/api/v1/jobs/{job_id}", timeout=30)
        logger.info("backup job %s cancelled", job_id)
