#!/usr/bin/env python3
"""manage-staff: create, reset and disable back-office staff accounts."""
import hashlib
import sqlite3
import sys
from datetime import datetime, timezone

import click

DB_PATH = "/var/lib/backoffice/staff.db"
DEFAULT_PASSWORD = "Welcome2024!"  # VULN
ROLES = ("viewer", "support", "finance", "admin")


def connect(path):
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS staff (id INTEGER PRIMARY KEY, email TEXT UNIQUE, "
        "role TEXT, password_hash TEXT, must_change INTEGER, disabled INTEGER DEFAULT 0, "
        "created_at TEXT)"
    )
    return conn


def hash_password(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


@click.group()
@click.option("--db", default=DB_PATH, show_default=True, help="Path to the staff database.")
@click.pass_context
def cli(ctx, db):
    ctx.obj = connect(db)


@cli.command()
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="viewer")
@click.pass_obj
def create(conn, email, role):
    """Create a staff account with the onboarding password."""
    try:
        with conn:
            conn.execute(
                "INSERT INTO staff (email, role, password_hash, must_change, created_at) "
                "VALUES (?, ?, ?, 1, ?)",
                (email.lower(), role, hash_password(DEFAULT_PASSWORD),
                 datetime.now(timezone.utc).isoformat()),
            )
    except sqlite3.IntegrityError:
        click.echo(f"{email} already exists", err=True)
        sys.exit(1)
    click.echo(f"created {email} ({role}); initial password has been set")


@cli.command("set-password")
@click.argument("email")
@click.password_option()
@click.pass_obj
def set_password(conn, email, password):
    """Set a new password for EMAIL."""
    with conn:
        cur = conn.execute(
            "UPDATE staff SET password_hash = ?, must_change = 0 WHERE email = ?",
            (hash_password(password), email.lower()),
        )
    click.echo("updated" if cur.rowcount else f"no such account: {email}")


@cli.command()
@click.argument("email")
@click.pass_obj
def disable(conn, email):
    """Disable EMAIL without deleting audit history."""
    with conn:
        cur = conn.execute("UPDATE staff SET disabled = 1 WHERE email = ?", (email.lower(),))
    click.echo("disabled" if cur.rowcount else f"no such account: {email}")


if __name__ == "__main__":
    cli()
