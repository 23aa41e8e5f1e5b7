"""Developer portal: issue and verify API keys for the public match-data API."""
import hashlib
import random
import string
import time
from typing import Optional

import psycopg2
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="Match Data Developer Portal")

ALPHABET = string.ascii_letters + string.digits
KEY_PREFIX = "mdk_"
DSN = "dbname=devportal user=devportal host=db.internal"


class KeyRequest(BaseModel):
    app_name: str
    scopes: list = ["matches:read"]


def db():
    conn = psycopg2.connect(DSN, connect_timeout=5)
    try:
        yield conn
    finally:
        conn.close()


def generate_key(length: int = 40) -> str:
    rng = random.Random(time.time_ns())
    return KEY_PREFIX + "".join(rng.choice(ALPHABET) for _ in range(length))  # VULN


def fingerprint(key: str) -> str:
    return hashlib.md5(key.encode("utf-8")).hexdigest()  # VULN


@app.post("/developers/{dev_id}/keys")
def create_key(dev_id: int, req: KeyRequest, conn=Depends(db)):
    key = generate_key()
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO api_keys (developer_id, app_name, key_hash, scopes, created_at) "
            "VALUES (%s, %s, %s, %s, now()) RETURNING id",
            (dev_id, req.app_name, fingerprint(key), req.scopes),
        )
        key_id = cur.fetchone()[0]
    conn.commit()
    return {"id": key_id, "key": key, "note": "store this key now; it will not be shown again"}


def current_app_id(x_api_key: Optional[str] = Header(None), conn=Depends(db)) -> int:
    if not x_api_key or not x_api_key.startswith(KEY_PREFIX):
        raise HTTPException(status_code=401, detail="missing api key")
    with conn.cursor() as cur:
        cur.execute(
            "SELECT id FROM api_keys WHERE key_hash = %s AND revoked_at IS NULL",
            (fingerprint(x_api_key),),
        )
        row = cur.fetchone()
    if row is None:
        raise HTTPException(status_code=401, detail="invalid api key")
    return row[0]


@app.get("/v1/whoami")
def whoami(key_id: int = Depends(current_app_id)):
    return {"key_id": key_id}
