"""Falcon endpoint that kicks off the excise-tax reconciliation tool for a period."""
import hmac
import json
import logging
import os
import subprocess

import falcon

log = logging.getLogger("excise.reconcile")
RECONCILER = os.environ.get("RECONCILER_BIN", "/opt/excise/bin/reconcile-excise")
STATE_DIR = os.environ.get("EXCISE_STATE_DIR", "/var/lib/excise")


class ReconcileJob:
    def __init__(self, period: str, permit: str, state: str = "federal"):
        self.period = period
        self.permit = permit
        self.state = state

    def command(self) -> str:
        return (
            f"{RECONCILER} --period {self.period} --permit {self.permit} "
            f"--jurisdiction {self.state} --state-dir {STATE_DIR} --format json"
        )

    def run(self) -> dict:
        log.info("starting reconciliation job")
        out = subprocess.check_output(self.command(), shell=True, timeout=300, stderr=subprocess.STDOUT)  # VULN flow
        return json.loads(out.decode("utf-8"))


class AuthMiddleware:
    def process_request(self, req, resp):
        token = req.get_header("Authorization") or ""
        expected = "Bearer " + os.environ.get("EXCISE_API_TOKEN", "\0")
        if not hmac.compare_digest(token, expected):
            raise falcon.HTTPUnauthorized(title="auth required")


class ReconcileResource:
    def on_post(self, req, resp):
        body = req.get_media() or {}
        period = str(body.get("period", "")).strip()
        permit = str(body.get("permit", "")).strip()
        state = str(body.get("jurisdiction", "federal")).strip()
        if not period or not permit:
            raise falcon.HTTPBadRequest(title="period and permit are required")
        job = ReconcileJob(period, permit, state)
        try:
            result = job.run()
        except subprocess.CalledProcessError as exc:
            log.error("reconciler exited %d", exc.returncode)
            raise falcon.HTTPInternalServerError(title="reconciliation failed")
        except subprocess.TimeoutExpired:
            raise falcon.HTTPServiceUnavailable(title="reconciliation timed out")
        resp.media = {"period": period, "permit": permit, "result": result}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"reconciler": os.path.exists(RECONCILER)}


app = falcon.App(middleware=[AuthMiddleware()])
app.add_route("/excise/reconcile", ReconcileResource())
app.add_route("/excise/health", HealthResource())
