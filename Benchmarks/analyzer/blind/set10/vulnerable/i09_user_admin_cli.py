import hashlib

import click
import psycopg2

DB_DSN = "host=db.internal dbname=accounts user=acct_admin password=Wint3r-2021!"  # VULN


def connect():
    return psycopg2.connect(DB_DSN)


def hash_password(password):
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


@click.group()
def cli():
    """Account administration."""


@cli.command()
@click.argument("username")
@click.option("--admin", is_flag=True, help="grant admin role")
@click.password_option()
def create(username, admin, password):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO users (username, password_hash, is_admin) VALUES (%s, %s, %s)",
            (username, hash_password(password), admin),
        )
    click.echo(f"created {username}")


@cli.command("set-password")
@click.argument("username")
@click.password_option()
def set_password(username, password):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE users SET password_hash = %s WHERE username = %s", (hash_password(password), username))
        if cur.rowcount == 0:
            raise click.ClickException(f"no such user: {username}")
    click.echo("password updated")


@cli.command("list")
@click.option("--admins-only", is_flag=True)
def list_users(admins_only):
    with connect() as conn, conn.cursor() as cur:
        if admins_only:
            cur.execute("SELECT username, is_admin, disabled FROM users WHERE is_admin ORDER BY username")
        else:
            cur.execute("SELECT username, is_admin, disabled FROM users ORDER BY username")
        for username, is_admin, disabled in cur.fetchall():
            click.echo(f"{username:24} admin={is_admin!s:5} disabled={disabled}")


@cli.command()
@click.argument("username")
def disable(username):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE users SET disabled = TRUE WHERE username = %s", (username,))
    click.echo(f"disabled {username}")


if __name__ == "__main__":
    cli()
