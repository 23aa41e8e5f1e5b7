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

CRED_DIR = Path(os.environ.get("KANBAN_CRED_DIR", "/etc/kanban/clients"))


def db():
    return psycopg2.connect(os.environ.get("KANBAN_DSN", "dbname=kanban"))


def write_credentials(name: str, data: dict) -> Path:
    CRED_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = CRED_DIR / f"{Path(name).name}.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps(data, indent=2))
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    return path


@cli.command()
def bootstrap_admin(email: str = typer.Option(..., help="admin e-mail"), password: str = typer.Option(None)):
    """Create the first administrator account."""
    generated = password is None
    password = password or secrets.token_urlsafe(18)
    with db() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO users (email, pw_hash, is_admin) VALUES (%s, %s, true) ON CONFLICT (email) DO NOTHING",
            (email.lower(), bcrypt.hash(password)),
        )
    typer.echo(f"admin {email} ready")
    if generated:
        typer.echo(f"one-time password: {password} (change it after first login)")


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
