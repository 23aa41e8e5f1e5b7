"""Time-limited share links for catalogue datasets (Bottle)."""
import hashlib
import hmac
import os
import secrets
import sqlite3
import time

from bottle import Bottle, HTTPError, redirect, request

SHARE_DB = os.environ.get("SHARE_DB", "/srv/catalogue/shares.db")
DOWNLOAD_BASE = "https://data.hpc.example.edu/dl"
SHARE_SECRET = os.environ["CATALOGUE_SHARE_SECRET"]
MAX_TTL = 14 * 24 * 3600

app = Bottle()


def conn():
    c = sqlite3.connect(SHARE_DB)
    c.execute("CREATE TABLE IF NOT EXISTS shares (share_id TEXT PRIMARY KEY, dataset TEXT, owner TEXT, expires INTEGER)")
    return c


def new_share_id() -> str:
    return secrets.token_hex(16)


def owns_dataset(owner: str, dataset_id: str) -> bool:
    with conn() as c:
        row = c.execute("SELECT 1 FROM datasets WHERE dataset_id = ? AND owner = ?", (dataset_id, owner)).fetchone()
    return row is not None


def sign(path: str, expires: int) -> str:
    msg = f"{path}:{expires}".encode()
    return hmac.new(SHARE_SECRET.encode(), msg, hashlib.sha256).hexdigest()


@app.post("/datasets/<dataset_id>/share")
def create_share(dataset_id):
    owner = request.get_header("X-Remote-User")
    if not owner:
        raise HTTPError(401, "login required")
    if not owns_dataset(owner, dataset_id):
        raise HTTPError(403, "only the dataset owner can share it")
    ttl = min(int(request.forms.get("ttl", 86400)), MAX_TTL)
    share_id = new_share_id()
    expires = int(time.time()) + ttl
    with conn() as c:
        c.execute("INSERT INTO shares VALUES (?, ?, ?, ?)", (share_id, dataset_id, owner, expires))
    return {"url": f"{request.urlparts.scheme}://{request.urlparts.netloc}/s/{share_id}", "expires": expires}


@app.get("/s/<share_id>")
def resolve(share_id):
    with conn() as c:
        row = c.execute("SELECT dataset, expires FROM shares WHERE share_id = ?", (share_id,)).fetchone()
    if row is None or row[1] < time.time():
        raise HTTPError(404, "link expired or unknown")
    dataset, _ = row
    expires = int(time.time()) + 300
    path = f"/datasets/{dataset}"
    redirect(f"{DOWNLOAD_BASE}{path}?e={expires}&sig={sign(path, expires)}")


@app.get("/verify")
def verify():
    path = request.query.get("path", "")
    expires = int(request.query.get("e", 0))
    sig = request.query.get("sig", "")
    ok = expires > time.time() and hmac.compare_digest(sign(path, expires), sig)
    return {"valid": ok}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
