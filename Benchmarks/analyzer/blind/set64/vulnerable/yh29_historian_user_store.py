"""User management for the process historian's web UI.

Small click CLI used by the OT admins on the historian server:

    historian-users add jdoe --role engineer
    historian-users check jdoe
"""
import getpass
import hashlib
import sqlite3
import sys

import click

DB_PATH = "/var/lib/historian/users.db"
ROLES = ("viewer", "engineer", "admin")
BOOTSTRAP_ADMIN = ("otadmin", "Hist0rian!2020")  # VULN


def connect(path=DB_PATH):
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, pw_hash TEXT, role TEXT)"
    )
    return conn


def password_hash(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


def ensure_bootstrap_admin(conn):
    name, password = BOOTSTRAP_ADMIN
    if conn.execute("SELECT 1 FROM users WHERE role = 'admin'").fetchone() is None:
        conn.execute(
            "INSERT INTO users (name, pw_hash, role) VALUES (?, ?, 'admin')",
            (name, password_hash(password)),
        )
        conn.commit()


def verify(conn, name: str, password: str) -> bool:
    row = conn.execute("SELECT pw_hash FROM users WHERE name = ?", (name,)).fetchone()
    return row is not None and row[0] == password_hash(password)


@click.group()
@click.option("--db", default=DB_PATH, show_default=True)
@click.pass_context
def cli(ctx, db):
    ctx.obj = connect(db)
    ensure_bootstrap_admin(ctx.obj)


@cli.command()
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="viewer")
@click.pass_obj
def add(conn, name, role):
    password = getpass.getpass("Password for %s: " % name)
    if len(password) < 10:
        click.echo("password too short", err=True)
        sys.exit(1)
    conn.execute(
        "INSERT OR REPLACE INTO users (name, pw_hash, role) VALUES (?, ?, ?)",
        (name, password_hash(password), role),
    )
    conn.commit()
    click.echo("user %s saved with role %s" % (name, role))


@cli.command()
@click.argument("name")
@click.pass_obj
def check(conn, name):
    ok = verify(conn, name, getpass.getpass("Password: "))
    click.echo("OK" if ok else "FAILED")
    sys.exit(0 if ok else 2)


if __name__ == "__main__":
    cli()
