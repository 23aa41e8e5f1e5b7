"""Manage POS staff logins (manager override PINs and back-office passwords).

    posadmin add 1042 "Dana Ruiz" --role manager
    posadmin check 1042
    posadmin reset 1042
"""
import getpass
import hashlib
import hmac
import os
import sqlite3
import sys

import click

DB_PATH = os.environ.get("POS_STAFF_DB", "/var/lib/pos/staff.db")
ROLES = ("server", "bartender", "cashier", "manager")
PBKDF2_ROUNDS = 600_000


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS staff (employee_no TEXT PRIMARY KEY, name TEXT, "
        "role TEXT, salt TEXT, pin_hash TEXT, active INTEGER DEFAULT 1)"
    )
    return conn


def hash_pin(pin: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ROUNDS).hex()


def prompt_pin() -> str:
    pin = getpass.getpass("New PIN/password: ")
    if len(pin) < 4:
        click.echo("PIN must be at least 4 characters", err=True)
        sys.exit(2)
    if pin != getpass.getpass("Repeat: "):
        click.echo("entries did not match", err=True)
        sys.exit(2)
    return pin


@click.group()
def cli():
    """POS staff credential maintenance."""


@cli.command()
@click.argument("employee_no")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="server")
def add(employee_no, name, role):
    salt = os.urandom(16).hex()
    digest = hash_pin(prompt_pin(), salt)
    with connect() as conn:
        conn.execute("INSERT INTO staff (employee_no, name, role, salt, pin_hash) VALUES (?, ?, ?, ?, ?)",
                     (employee_no, name, role, salt, digest))
    click.echo(f"added {name} ({role})")


@cli.command()
@click.argument("employee_no")
def check(employee_no):
    row = connect().execute("SELECT salt, pin_hash FROM staff WHERE employee_no = ? AND active = 1",
                            (employee_no,)).fetchone()
    if row is None:
        raise click.ClickException("no such active employee")
    attempt = getpass.getpass("PIN/password: ")
    ok = hmac.compare_digest(hash_pin(attempt, row[0]), row[1])
    click.echo("OK" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


@cli.command()
@click.argument("employee_no")
def reset(employee_no):
    salt = os.urandom(16).hex()
    digest = hash_pin(prompt_pin(), salt)
    with connect() as conn:
        cur = conn.execute("UPDATE staff SET salt = ?, pin_hash = ? WHERE employee_no = ?",
                           (salt, digest, employee_no))
    if cur.rowcount == 0:
        raise click.ClickException("no such employee")
    click.echo("PIN reset")


if __name__ == "__main__":
    cli()
