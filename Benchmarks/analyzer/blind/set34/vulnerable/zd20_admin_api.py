"""Admin endpoints for the tenant management API."""
import os
import sqlite3
from dataclasses import dataclass
from typing import List

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI(title="tenant-admin")
JWT_SECRET = os.environ["TENANT_JWT_SECRET"]
DB_PATH = os.environ.get("TENANT_DB", "/var/lib/tenants/tenants.db")


@dataclass
class User:
    id: int
    email: str
    is_admin: bool


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def current_user(authorization: str = Header(...)) -> User:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401, detail="bearer token required")
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    return User(id=int(claims["sub"]), email=claims.get("email", ""), is_admin=bool(claims.get("admin")))


def require_admin(user: User = Depends(current_user)) -> User:
    assert user.is_admin, "administrator role required"  # VULN
    return user


@app.get("/admin/tenants")
def list_tenants(admin: User = Depends(require_admin), conn=Depends(db)) -> List[dict]:
    rows = conn.execute("SELECT id, name, plan, disabled FROM tenants ORDER BY name").fetchall()
    return [dict(r) for r in rows]


@app.post("/admin/tenants/{tenant_id}/disable")
def disable_tenant(tenant_id: int, admin: User = Depends(require_admin), conn=Depends(db)):
    cur = conn.execute("UPDATE tenants SET disabled = 1 WHERE id = ?", (tenant_id,))
    if cur.rowcount == 0:
        raise HTTPException(status_code=404, detail="tenant not found")
    conn.execute(
        "INSERT INTO audit_log (actor_id, action, target_id) VALUES (?, 'tenant.disable', ?)",
        (admin.id, tenant_id),
    )
    conn.commit()
    return {"tenant_id": tenant_id, "disabled": True}


@app.get("/me")
def me(user: User = Depends(current_user)):
    return {"id": user.id, "email": user.email, "admin": user.is_admin}
