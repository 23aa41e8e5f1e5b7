"""Tenant administration API."""
import os
from dataclasses import dataclass

import jwt
from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

engine = create_async_engine(os.environ["ADMIN_DB_URL"], pool_pre_ping=True)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)
router = APIRouter(prefix="/admin")


@dataclass(frozen=True)
class Principal:
    user_id: int
    tenant_id: int
    is_admin: bool


async def get_session():
    async with SessionLocal() as session:
        yield session


def current_principal(authorization: str = Header(...)) -> Principal:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401, detail="missing bearer token")
    try:
        claims = jwt.decode(token, os.environ["JWT_SECRET"], algorithms=["HS256"], audience="admin-api")
        return Principal(int(claims["sub"]), int(claims["tenant"]), bool(claims.get("admin", False)))
    except (jwt.PyJWTError, KeyError, ValueError):
        raise HTTPException(status_code=401, detail="invalid token")


def ensure(allowed: bool, detail: str) -> None:
    if not allowed:
        raise HTTPException(status_code=403, detail=detail)


@router.get("/tenants/{tenant_id}/users")
async def list_users(
    tenant_id: int,
    principal: Principal = Depends(current_principal),
    session: AsyncSession = Depends(get_session),
):
    ensure(principal.is_admin or principal.tenant_id == tenant_id, "not allowed")
    result = await session.execute(
        text("SELECT id, email, role FROM users WHERE tenant_id = :tid ORDER BY email"),
        {"tid": tenant_id},
    )
    return [dict(row._mapping) for row in result]


@router.delete("/tenants/{tenant_id}", status_code=204)
async def delete_tenant(
    tenant_id: int,
    principal: Principal = Depends(current_principal),
    session: AsyncSession = Depends(get_session),
):
    ensure(principal.is_admin, "admin privileges required")
    async with session.begin():
        await session.execute(text("DELETE FROM users WHERE tenant_id = :tid"), {"tid": tenant_id})
        deleted = await session.execute(text("DELETE FROM tenants WHERE id = :tid"), {"tid": tenant_id})
    if deleted.rowcount == 0:
        raise HTTPException(status_code=404, detail="tenant not found")


app = FastAPI(title="tenant-admin")
app.include_router(router)
