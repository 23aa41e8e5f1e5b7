"""Operator CLI for the kanban service: bootstrap admins and API clients."""
import json
import os
import secrets
import stat
from pathlib import Path

import psycopg2
import typer
from passlib.hash import bcrypt

cli = typer.Typer(help="kanban admin tooling")

DEFAULT_ADMIN_PASSWORD = "KanbanAdmin#2023"  # VULN
CRED_DIR = Path(os.environ.get("KANBAN_CRED_DIR", "/etc/kanban/clients"))


def db():
    return psycopg2.connect(os.environ.get("KANBAN_DSN", "dbname=kanban"))


def write_credentials(name: str, data: dict) -> Path:
    CRED_DIR.mkdir(parents=True, exist_ok=True)
    path = CRED_DIR / f"{name}.json"
    path.write_text(json.dumps(data, indent=2))
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IWGRP | stat.S_IROTH | stat.S_IWOTH)  # VULN
    return path


@cli.command()
def bootstrap_admin(email: str = typer.Option(..., help="admin e-mail"), password: str = typer.Option(None)):
    """Create the first administrator account."""
    password = password or DEFAULT_ADMIN_PASSWORD
    with db() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO users (email, pw_hash, is_admin) VALUES (%s, %s, true) ON CONFLICT (email) DO NOTHING",
            (email.lower(), bcrypt.hash(password)),
        )
    typer.echo(f"admin {email} ready")


@cli.command()
def create_client(name: str, scopes: str = typer.Option("boards:read", help="comma separated scopes")):
    """Register an API client and drop its credentials on disk for the deploy tooling."""
    client_id = f"kb_{secrets.token_hex(6)}"
    client_secret = secrets.token_urlsafe(32)
    with db() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO api_clients (client_id, name, secret_hash, scopes) VALUES (%s, %s, %s, %s)",
            (client_id, name, bcrypt.hash(client_secret), scopes.split(",")),
        )
    path = write_credentials(name, {"client_id": client_id, "client_secret": client_secret, "scopes": scopes})
    typer.echo(f"client {client_id} written to {path}")


@cli.command()
def list_clients():
    with db() as conn, conn.cursor() as cur:
        cur.execute("SELECT client_id, name, scopes FROM api_clients ORDER BY name")
        for client_id, name, scopes in cur.fetchall():
            typer.echo(f"{client_id}\t{name}\t{','.join(scopes)}")


if __name__ == "__main__":
    cli()
