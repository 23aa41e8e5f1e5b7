"""Admin API for the gateway's rate limiter.

Runs as a sidecar next to the proxy; ops tooling uses it to inspect and
adjust per-consumer limits without a redeploy.
"""
import hmac
import os
import threading
import time
from typing import Optional

import uvicorn
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

ADMIN_TOKEN = os.environ["GW_ADMIN_TOKEN"]
DEFAULT_RPM = 600

app = FastAPI(title="ratelimit-admin")


class LimitSpec(BaseModel):
    requests_per_minute: int = Field(gt=0, le=1_000_000)
    burst: Optional[int] = Field(default=None, gt=0)


class LimitTable:
    def __init__(self):
        self._lock = threading.Lock()
        self._limits: dict[str, LimitSpec] = {}
        self.updated_at = time.time()

    def get(self, consumer: str) -> LimitSpec:
        with self._lock:
            return self._limits.get(consumer, LimitSpec(requests_per_minute=DEFAULT_RPM))

    def set(self, consumer: str, spec: LimitSpec) -> None:
        with self._lock:
            self._limits[consumer] = spec
            self.updated_at = time.time()

    def delete(self, consumer: str) -> bool:
        with self._lock:
            self.updated_at = time.time()
            return self._limits.pop(consumer, None) is not None

    def all(self) -> dict:
        with self._lock:
            return {k: v.dict() for k, v in self._limits.items()}


limits = LimitTable()


def require_admin(authorization: str = Header(default="")) -> None:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), ADMIN_TOKEN.encode()):
        raise HTTPException(status_code=401, detail="admin token required")


@app.get("/limits", dependencies=[Depends(require_admin)])
def list_limits():
    return {"limits": limits.all(), "updated_at": limits.updated_at}


@app.get("/limits/{consumer}", dependencies=[Depends(require_admin)])
def get_limit(consumer: str):
    return limits.get(consumer)


@app.put("/limits/{consumer}", dependencies=[Depends(require_admin)])
def put_limit(consumer: str, spec: LimitSpec):
    limits.set(consumer, spec)
    return {"consumer": consumer, **spec.dict()}


@app.delete("/limits/{consumer}", dependencies=[Depends(require_admin)])
def delete_limit(consumer: str):
    if not limits.delete(consumer):
        raise HTTPException(status_code=404, detail="no override for consumer")
    return {"deleted": consumer}


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("GW_ADMIN_HOST", "127.0.0.1"), port=9901)
