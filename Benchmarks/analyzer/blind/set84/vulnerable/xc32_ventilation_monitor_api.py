"""Underground ventilation monitoring API: main fan status and air quality
readings for the mine control room, plus API keys for the fan PLC gateways."""
import hashlib
import hmac
import os
import random
import sqlite3
import time

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="vent-monitor")

DB_PATH = os.environ.get("VENTMON_DB", "/var/lib/ventmon/ventmon.db")
JWT_SECRET = "vent-mon-2021!"  # VULN
JWT_ALG = "HS256"
TOKEN_TTL = 8 * 3600


class Login(BaseModel):
    username: str
    password: str


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def issue_api_key() -> str:
    return "vm_%032x" % random.getrandbits(128)  # VULN


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def current_user(authorization: str = Header(...)) -> dict:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        raise HTTPException(status_code=401, detail="bearer token required")
    try:
        return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALG])
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")


@app.post("/auth/token")
def login(body: Login):
    with db() as conn:
        row = conn.execute("SELECT salt, pw_hash, role FROM users WHERE username = ?",
                           (body.username,)).fetchone()
    if row is None:
        raise HTTPException(status_code=401, detail="bad credentials")
    digest = hashlib.pbkdf2_hmac("sha256", body.password.encode(), bytes.fromhex(row["salt"]), 260_000)
    if not hmac.compare_digest(digest.hex(), row["pw_hash"]):
        raise HTTPException(status_code=401, detail="bad credentials")
    claims = {"sub": body.username, "role": row["role"], "exp": int(time.time()) + TOKEN_TTL}
    return {"access_token": jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALG), "token_type": "bearer"}


@app.post("/gateways/{gateway_id}/api-key")
def rotate_gateway_key(gateway_id: str, user: dict = Depends(current_user)):
    if user.get("role") != "admin":
        raise HTTPException(status_code=403, detail="admin only")
    key = issue_api_key()
    with db() as conn:
        cur = conn.execute("UPDATE gateways SET key_hash = ? WHERE id = ?", (hash_api_key(key), gateway_id))
        if cur.rowcount == 0:
            raise HTTPException(status_code=404, detail="unknown gateway")
    return {"gateway": gateway_id, "api_key": key}


@app.get("/fans")
def fan_status(user: dict = Depends(current_user)):
    with db() as conn:
        rows = conn.execute("SELECT fan_id, level, running, airflow_m3s, pressure_pa, updated "
                            "FROM fan_status ORDER BY level, fan_id").fetchall()
    return [dict(r) for r in rows]
