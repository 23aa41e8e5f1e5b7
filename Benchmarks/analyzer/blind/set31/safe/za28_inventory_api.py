"""Inventory service API."""
import logging
import os
import uuid
from contextlib import asynccontextmanager

import psycopg
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from psycopg_pool import ConnectionPool
from pydantic import BaseModel, Field

logger = logging.getLogger("inventory")
pool = ConnectionPool(os.environ["INVENTORY_DSN"], min_size=1, max_size=10, open=False)


@asynccontextmanager
async def lifespan(app):
    pool.open()
    yield
    pool.close()


app = FastAPI(title="inventory", lifespan=lifespan)


class Adjustment(BaseModel):
    sku: str = Field(..., pattern=r"^[A-Z0-9-]{4,32}$")
    delta: int = Field(..., ge=-10000, le=10000)
    reason: str = Field(..., max_length=200)


def get_conn():
    with pool.connection() as conn:
        yield conn


@app.exception_handler(Exception)
async def unhandled_error(request: Request, exc: Exception):
    error_id = uuid.uuid4().hex
    logger.error("unhandled error %s on %r", error_id, request.url.path, exc_info=exc)
    return JSONResponse(status_code=500, content={"error": "internal server error", "error_id": error_id})


@app.get("/items/{sku}")
def get_item(sku: str, conn=Depends(get_conn)):
    row = conn.execute("SELECT sku, name, quantity FROM items WHERE sku = %s", (sku,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="unknown sku")
    return {"sku": row[0], "name": row[1], "quantity": row[2]}


@app.post("/adjustments")
def adjust(adj: Adjustment, conn=Depends(get_conn)):
    try:
        with conn.transaction():
            row = conn.execute(
                "UPDATE items SET quantity = quantity + %s WHERE sku = %s RETURNING quantity",
                (adj.delta, adj.sku),
            ).fetchone()
            if row is None:
                raise HTTPException(status_code=404, detail="unknown sku")
            conn.execute(
                "INSERT INTO adjustments (sku, delta, reason) VALUES (%s, %s, %s)",
                (adj.sku, adj.delta, adj.reason),
            )
    except psycopg.errors.CheckViolation:
        raise HTTPException(status_code=409, detail="insufficient stock")
    except psycopg.Error:
        logger.exception("adjustment for %r failed", adj.sku)
        raise HTTPException(status_code=500, detail="database error")
    logger.info("adjusted %r by %d", adj.sku, adj.delta)
    return {"sku": adj.sku, "quantity": row[0]}
