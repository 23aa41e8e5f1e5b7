"""Admin API with an audit trail of every call made by operators."""
import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

app = FastAPI(title="admin-api")

audit = logging.getLogger("audit")
_handler = logging.FileHandler("admin_audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)


def client_identity(request: Request) -> dict:
    # the ingress proxy authenticates operators and forwards their name
    return {
        "user": request.headers.get("X-Forwarded-User", ""),
        "ip": request.client.host if request.client else "-",
        "agent": request.headers.get("User-Agent", ""),
    }


class AuditTrail:
    def __init__(self, logger):
        self.logger = logger

    def record(self, who, method, path, status):
        self.logger.info(
            "user=%r ip=%r %r %r -> %d", who["user"], who["ip"], method, path, status
        )

    def denied(self, who, path, reason):
        self.logger.warning("denied ip=%r path=%r reason=%r", who["ip"], path, reason)


trail = AuditTrail(audit)


@app.middleware("http")
async def audit_middleware(request: Request, call_next):
    who = client_identity(request)
    if not who["user"]:
        trail.denied(who, request.url.path, "missing identity")
        return JSONResponse({"detail": "forbidden"}, status_code=403)
    response = await call_next(request)
    trail.record(who, request.method, request.url.path, response.status_code)
    return response


@app.post("/admin/users/{user_id}/disable")
async def disable_user(user_id: int):
    return {"user_id": user_id, "disabled": True}


@app.get("/admin/stats")
async def stats():
    return {"active_sessions": 42, "queued_jobs": 3}
