"""Manage API tokens used by the state excise e-filing integrations.

Each integration (state portal uploader, accountant sync, ...) authenticates
with a bearer token; only a SHA-256 digest of the token is stored.
"""
import datetime as dt
import hashlib
import sqlite3
import time
from typing import Optional

import typer

app = typer.Typer(help="Excise e-file API token admin")
DB_PATH = "/var/lib/excise/tokens.db"
SCOPES = {"efile:submit", "efile:read", "reports:read"}


def connect(path: str = DB_PATH) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS api_tokens (id INTEGER PRIMARY KEY, account TEXT, scope TEXT,"
        " digest TEXT UNIQUE, created TEXT, expires TEXT, revoked INTEGER DEFAULT 0)"
    )
    return conn


def make_token(account: str) -> str:
    seed = f"{account}:{int(time.time())}"
    return "ex_" + hashlib.md5(seed.encode("utf-8")).hexdigest()  # VULN


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@app.command()
def issue(account: str, scope: str = "efile:submit", days: int = 90):
    """Issue a new token for ACCOUNT and print it once."""
    if scope not in SCOPES:
        raise typer.BadParameter(f"scope must be one of {sorted(SCOPES)}")
    token = make_token(account)
    now = dt.datetime.utcnow()
    with connect() as conn:
        conn.execute(
            "INSERT INTO api_tokens (account, scope, digest, created, expires) VALUES (?, ?, ?, ?, ?)",
            (account, scope, digest(token), now.isoformat(), (now + dt.timedelta(days=days)).isoformat()),
        )
    typer.echo(token)


@app.command()
def revoke(token_id: int):
    """Revoke a token by id."""
    with connect() as conn:
        cur = conn.execute("UPDATE api_tokens SET revoked = 1 WHERE id = ?", (token_id,))
    typer.echo("revoked" if cur.rowcount else "no such token")


@app.command("list")
def list_tokens(account: Optional[str] = None):
    """List tokens, optionally for one account."""
    sql = "SELECT id, account, scope, created, expires, revoked FROM api_tokens"
    params = ()
    if account:
        sql += " WHERE account = ?"
        params = (account,)
    with connect() as conn:
        for row in conn.execute(sql + " ORDER BY id", params):
            state = "revoked" if row[5] else "active"
            typer.echo(f"{row[0]:>4}  {row[1]:<20} {row[2]:<14} {row[3][:10]} -> {row[4][:10]}  {state}")


def verify(token: str, scope: str) -> bool:
    with connect() as conn:
        row = conn.execute(
            "SELECT expires, revoked FROM api_tokens WHERE digest = ? AND scope = ?", (digest(token), scope)
        ).fetchone()
    return bool(row) and not row[1] and row[0] > dt.datetime.utcnow().isoformat()


if __name__ == "__main__":
    app()
