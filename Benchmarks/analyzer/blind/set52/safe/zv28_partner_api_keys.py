"""Issues API keys and portal logins for travel-agency partners."""
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import string
from datetime import datetime, timezone

import typer

log = logging.getLogger("partner_keys")
cli = typer.Typer(help="Partner credential management")

DB = "/var/lib/partners/partners.db"
KEY_PREFIX = "tvp_"
KEY_ALPHABET = string.ascii_letters + string.digits


def db():
    conn = sqlite3.connect(DB)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS partners (code TEXT PRIMARY KEY, name TEXT, "
        "api_key_hash TEXT, portal_pw_hash TEXT, created TEXT)"
    )
    return conn


def new_api_key() -> str:
    body = "".join(secrets.choice(KEY_ALPHABET) for _ in range(40))
    return KEY_PREFIX + body


def fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def portal_password_hash(password: str, salt: bytes = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)
    return salt.hex() + "$" + digest.hex()


@cli.command()
def create(code: str, name: str, portal_password: str = typer.Option(..., prompt=True, hide_input=True)):
    """Register a partner and print its API key once."""
    key = new_api_key()
    with db() as conn:
        conn.execute(
            "INSERT INTO partners VALUES (?, ?, ?, ?, ?)",
            (code.upper(), name, fingerprint(key), portal_password_hash(portal_password),
             datetime.now(timezone.utc).isoformat()),
        )
    typer.echo(f"Partner {code.upper()} created. API key (store it now): {key}")


@cli.command()
def rotate(code: str):
    """Replace a partner's API key."""
    key = new_api_key()
    with db() as conn:
        cur = conn.execute("UPDATE partners SET api_key_hash = ? WHERE code = ?", (fingerprint(key), code.upper()))
    if cur.rowcount == 0:
        typer.echo("unknown partner", err=True)
        raise typer.Exit(1)
    typer.echo(f"New API key for {code.upper()}: {key}")


def check_portal_login(code: str, password: str) -> bool:
    with db() as conn:
        row = conn.execute("SELECT portal_pw_hash FROM partners WHERE code = ?", (code.upper(),)).fetchone()
    if not row or "$" not in row[0]:
        return False
    salt_hex, _ = row[0].split("$", 1)
    return hmac.compare_digest(row[0], portal_password_hash(password, bytes.fromhex(salt_hex)))


if __name__ == "__main__":
    cli()
