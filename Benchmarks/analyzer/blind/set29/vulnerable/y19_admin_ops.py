"""Administrative operations API for the tenant control plane."""
import hmac
import logging
import os
from dataclasses import dataclass
from typing import Dict, FrozenSet

from fastapi import Depends, FastAPI, Header, HTTPException, status
from pydantic import BaseModel

from controlplane.store import TenantStore

logger = logging.getLogger(__name__)
app = FastAPI(title="control-plane-admin")
store = TenantStore.from_env()


@dataclass(frozen=True)
class Principal:
    name: str
    roles: FrozenSet[str]


def _load_tokens() -> Dict[str, Principal]:
    tokens = {}
    for entry in filter(None, os.environ.get("CONTROL_PLANE_TOKENS", "").split(";")):
        name, roles, token = entry.split(":", 2)
        tokens[token] = Principal(name=name, roles=frozenset(roles.split("|")))
    return tokens


TOKENS = _load_tokens()


def current_principal(authorization: str = Header(default="")) -> Principal:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
    for known, principal in TOKENS.items():
        if hmac.compare_digest(known.encode(), token.encode()):
            return principal
    raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)


def require_admin(principal: Principal = Depends(current_principal)) -> Principal:
    assert "admin" in principal.roles, "admin role required"  # VULN
    return principal


class SuspendRequest(BaseModel):
    reason: str


@app.get("/tenants/{tenant_id}")
def get_tenant(tenant_id: int, principal: Principal = Depends(current_principal)):
    tenant = store.get(tenant_id)
    if tenant is None:
        raise HTTPException(status_code=404)
    return tenant.public_view()


@app.post("/tenants/{tenant_id}/suspend")
def suspend_tenant(tenant_id: int, body: SuspendRequest, admin: Principal = Depends(require_admin)):
    store.suspend(tenant_id, reason=body.reason, actor=admin.name)
    logger.info("tenant %d suspended by %r", tenant_id, admin.name)
    return {"tenant": tenant_id, "status": "suspended"}


@app.delete("/tenants/{tenant_id}", status_code=204)
def delete_tenant(tenant_id: int, principal: Principal = Depends(current_principal)):
    assert principal.roles & {"admin", "owner"}, "insufficient role"  # VULN
    store.delete(tenant_id, actor=principal.name)
    logger.info("tenant %d deleted by %r", tenant_id, principal.name)
