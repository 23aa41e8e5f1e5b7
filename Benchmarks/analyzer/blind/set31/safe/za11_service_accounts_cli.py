"""Administrative CLI for managing local service accounts of the gateway."""
import hashlib
import hmac
import os
import sqlite3
from datetime import datetime, timezone

import typer

app = typer.Typer(help="Manage service accounts for the reporting gateway.")

DB_PATH = os.environ.get("ACCOUNTS_DB", "/var/lib/gateway/accounts.db")
PASSWORD_PEPPER = os.environ["GATEWAY_PASSWORD_PEPPER"]
PBKDF2_ITERATIONS = 600_000


def _connect():
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS accounts ("
        "name TEXT PRIMARY KEY, salt TEXT NOT NULL, digest TEXT NOT NULL, "
        "created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0)"
    )
    return conn


def hash_password(password: str, salt: str) -> str:
    material = (salt + PASSWORD_PEPPER).encode("utf-8")
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), material, PBKDF2_ITERATIONS).hex()


@app.command()
def create(
    name: str,
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
):
    """Create a new service account."""
    salt = os.urandom(16).hex()
    created = datetime.now(timezone.utc).isoformat()
    try:
        with _connect() as conn:
            conn.execute(
                "INSERT INTO accounts (name, salt, digest, created_at) VALUES (?, ?, ?, ?)",
                (name, salt, hash_password(password, salt), created),
            )
    except sqlite3.IntegrityError:
        typer.echo(f"account {name} already exists", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"created account {name}")


@app.command()
def verify(name: str, password: str = typer.Option(..., prompt=True, hide_input=True)):
    """Check a password against the stored digest."""
    with _connect() as conn:
        row = conn.execute(
            "SELECT salt, digest, disabled FROM accounts WHERE name = ?", (name,)
        ).fetchone()
    if row is None or row[2]:
        typer.echo("account not found or disabled", err=True)
        raise typer.Exit(code=1)
    if not hmac.compare_digest(hash_password(password, row[0]), row[1]):
        typer.echo("password mismatch", err=True)
        raise typer.Exit(code=1)
    typer.echo("ok")


@app.command()
def disable(name: str):
    """Disable an account without deleting it."""
    with _connect() as conn:
        updated = conn.execute(
            "UPDATE accounts SET disabled = 1 WHERE name = ?", (name,)
        ).rowcount
    typer.echo("disabled" if updated else "no such account")


if __name__ == "__main__":
    app()
