"""Admin console endpoints that write to the security audit trail (FastAPI)."""
import logging
from datetime import datetime, timezone
from typing import Optional

from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel

audit = logging.getLogger("admin.audit")
_handler = logging.FileHandler("/var/log/admin-console/audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)

app = FastAPI(title="admin-console")


class AuditEvent(BaseModel):
    actor: str
    action: str
    target: str
    reason: str = ""
    at: Optional[datetime] = None

    def line(self) -> str:
        return f"actor={self.actor} action={self.action} target={self.target} reason={self.reason}"


class AuditTrail:
    def __init__(self, logger: logging.Logger):
        self._log = logger

    def record(self, event: AuditEvent) -> None:
        event.at = event.at or datetime.now(timezone.utc)
        self._log.info(event.line())  # VULN flow


class DisableRequest(BaseModel):
    reason: str


class UserDirectory:
    def __init__(self):
        self._disabled = set()

    def disable(self, user_id: int) -> bool:
        if user_id in self._disabled:
            return False
        self._disabled.add(user_id)
        return True


trail = AuditTrail(audit)
directory = UserDirectory()


@app.post("/admin/users/{user_id}/disable")
def disable_user(user_id: int, body: DisableRequest, x_sso_user: str = Header(...)):
    if not directory.disable(user_id):
        raise HTTPException(status_code=409, detail="already disabled")
    event = AuditEvent(
        actor=x_sso_user, action="disable_user", target=str(user_id), reason=body.reason
    )
    trail.record(event)
    return {"user_id": user_id, "disabled": True}
