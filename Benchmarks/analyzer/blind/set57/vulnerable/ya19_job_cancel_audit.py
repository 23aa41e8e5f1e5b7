"""Falcon resources for cancelling / retrying CI jobs, with an audit trail.

The audit log is shipped line-by-line to the SIEM and is what compliance
reviews use to reconstruct who stopped which production pipeline.
"""
import logging
import time

import falcon

audit = logging.getLogger("ci.audit")
audit_handler = logging.FileHandler("/var/log/ci/audit.log")
audit_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(audit_handler)
audit.setLevel(logging.INFO)


class JobStore:
    def __init__(self) -> None:
        self.jobs = {}

    def get(self, job_id: int) -> dict:
        job = self.jobs.get(job_id)
        if job is None:
            raise falcon.HTTPNotFound(title="job not found")
        return job

    def set_state(self, job_id: int, state: str) -> dict:
        job = self.get(job_id)
        job["state"] = state
        job["updated_at"] = time.time()
        return job


def current_actor(req: falcon.Request) -> str:
    return req.get_header("X-Forwarded-User") or "anonymous"


class CancelJobResource:
    def __init__(self, store: JobStore) -> None:
        self.store = store

    def on_post(self, req: falcon.Request, resp: falcon.Response, job_id: int) -> None:
        body = req.get_media() or {}
        reason = str(body.get("reason", "")).strip()
        actor = current_actor(req)
        job = self.store.set_state(job_id, "cancelled")
        audit.info(f"job={job_id} action=cancel actor={actor} reason={reason}")  # VULN flow
        resp.media = {"id": job_id, "state": job["state"]}


class RetryJobResource:
    def __init__(self, store: JobStore) -> None:
        self.store = store

    def on_post(self, req: falcon.Request, resp: falcon.Response, job_id: int) -> None:
        body = req.get_media() or {}
        note = body.get("note", "")
        entry = "job=%s action=retry actor=%s note=%s" % (job_id, current_actor(req), note)
        self.store.set_state(job_id, "pending")
        audit.info(entry)  # VULN flow
        resp.status = falcon.HTTP_202
        resp.media = {"id": job_id, "state": "pending"}


def create_app() -> falcon.App:
    store = JobStore()
    app = falcon.App()
    app.add_route("/api/jobs/{job_id:int}/cancel", CancelJobResource(store))
    app.add_route("/api/jobs/{job_id:int}/retry", RetryJobResource(store))
    return app


app = create_app()
