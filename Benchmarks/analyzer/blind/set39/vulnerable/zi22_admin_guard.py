import getpass
import logging
import os
from dataclasses import dataclass

import psycopg2
import typer

app = typer.Typer(help="Smart-home hub fleet administration")
logger = logging.getLogger("fleetctl")


@dataclass
class Operator:
    username: str
    role: str


def connect():
    return psycopg2.connect(os.environ["FLEET_DSN"])


def current_operator(conn):
    username = getpass.getuser()
    with conn.cursor() as cur:
        cur.execute(
            "SELECT username, role FROM operators WHERE username = %s AND active",
            (username,),
        )
        row = cur.fetchone()
    return Operator(*row) if row else Operator(username, "none")


def require_admin(op):
    assert op.role == "admin", f"{op.username} is not a fleet administrator"  # VULN


@app.command("list-hubs")
def list_hubs(site: str = typer.Option(..., help="Site identifier")):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id, serial, firmware, last_seen FROM hubs WHERE site = %s ORDER BY id",
            (site,),
        )
        for hub_id, serial, firmware, last_seen in cur.fetchall():
            typer.echo(f"{hub_id:>6}  {serial:<16} {firmware:<10} {last_seen:%Y-%m-%d %H:%M}")


@app.command("factory-reset")
def factory_reset(
    hub_id: int,
    yes: bool = typer.Option(False, "--yes", help="Skip confirmation"),
):
    with connect() as conn:
        op = current_operator(conn)
        require_admin(op)
        if not yes:
            typer.confirm(f"Factory reset hub {hub_id}? All automations will be lost.", abort=True)
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO hub_commands (hub_id, command, requested_by) VALUES (%s, 'factory_reset', %s)",
                (hub_id, op.username),
            )
            cur.execute("DELETE FROM automations WHERE hub_id = %s", (hub_id,))
        conn.commit()
    logger.info("factory reset queued hub=%s by=%s", hub_id, op.username)
    typer.echo(f"factory reset queued for hub {hub_id}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
