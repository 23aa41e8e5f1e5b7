"""Coordinator CLI for inviting volunteers to the scheduling app.

Each invite carries a single-use sign-up code in the link, plus a 6-digit
SMS code used to confirm the phone number on first login.
"""
import random
import sqlite3
import string
import time
from typing import List

import typer

cli = typer.Typer(help="Volunteer invitation tools")
DB_PATH = "/var/lib/volunteers/schedule.db"
SIGNUP_BASE = "https://volunteer.harborfoodbank.org/join"
ALPHABET = string.ascii_letters + string.digits
INVITE_TTL = 14 * 86400


def new_invite_code(length: int = 22) -> str:
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def new_sms_code() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


def save_invite(conn, email: str, phone: str, code: str, sms: str) -> None:
    conn.execute(
        "INSERT INTO invites (email, phone, code, sms_code, expires_at) VALUES (?, ?, ?, ?, ?)",
        (email, phone, code, sms, int(time.time()) + INVITE_TTL),
    )


@cli.command()
def invite(email: str, phone: str = typer.Option("", help="E.164 phone number")):
    """Create a single invitation and print the link."""
    with sqlite3.connect(DB_PATH) as conn:
        code = new_invite_code()
        sms = new_sms_code()
        save_invite(conn, email.lower(), phone, code, sms)
    typer.echo(f"{SIGNUP_BASE}?code={code}")


@cli.command()
def bulk(csv_file: typer.FileText):
    """Invite everyone in a CSV of email,phone rows."""
    created: List[str] = []
    with sqlite3.connect(DB_PATH) as conn:
        for line in csv_file:
            email, _, phone = line.strip().partition(",")
            if "@" not in email:
                continue
            code = new_invite_code()
            save_invite(conn, email.lower(), phone, code, new_sms_code())
            created.append(email)
    typer.echo(f"created {len(created)} invites")


@cli.command()
def open_shifts(count: int = 5):
    """Show a rotating sample of open shifts for the newsletter blurb."""
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute("SELECT title, starts_at FROM shifts WHERE filled = 0").fetchall()
    random.shuffle(rows)
    for title, starts_at in rows[:count]:
        typer.echo(f"- {title} ({starts_at})")


if __name__ == "__main__":
    cli()
