"""Admin CLI for provisioning CAD interface nodes (ALI, paging, station alerting)."""
import json
import os
import socket
from pathlib import Path

import click

CONFIG_DIR = Path("/etc/cad/interfaces")
DEFAULT_DB_HOST = "cad-db01.psap.local"
DEFAULT_DB_USER = "cad_iface"
INTERFACE_TYPES = ("ali", "paging", "station_alert", "avl")


@click.group()
def cli():
    """CAD interface provisioning."""


def node_config(name, kind, db_host, db_user, db_password, listen_port):
    return {
        "node": name,
        "type": kind,
        "hostname": socket.gethostname(),
        "database": {"host": db_host, "user": db_user, "password": db_password, "dbname": "cad"},
        "listen": {"host": "127.0.0.1", "port": listen_port},
    }


@cli.command()
@click.argument("name")
@click.option("--type", "kind", type=click.Choice(INTERFACE_TYPES), required=True)
@click.option("--db-host", default=DEFAULT_DB_HOST, show_default=True)
@click.option("--db-user", default=DEFAULT_DB_USER, show_default=True)
@click.option("--db-password", envvar="CAD_IFACE_DB_PASSWORD", prompt=True, hide_input=True)
@click.option("--port", default=9400, type=int, show_default=True)
def provision(name, kind, db_host, db_user, db_password, port):
    """Write the config file for interface node NAME."""
    CONFIG_DIR.mkdir(parents=True, exist_ok=True)
    path = CONFIG_DIR / f"{name}.json"
    cfg = node_config(name, kind, db_host, db_user, db_password, port)
    with path.open("w") as fh:
        json.dump(cfg, fh, indent=2)
    # interface services run in the cad-iface group and need to read this
    os.chmod(path, 0o640)
    click.echo(f"wrote {path}")


@cli.command("list")
def list_nodes():
    """List provisioned interface nodes."""
    for path in sorted(CONFIG_DIR.glob("*.json")):
        with path.open() as fh:
            cfg = json.load(fh)
        click.echo(f"{cfg['node']:<20} {cfg['type']:<14} port {cfg['listen']['port']}")


@cli.command()
@click.argument("name")
def remove(name):
    """Remove interface node NAME."""
    path = CONFIG_DIR / f"{Path(name).name}.json"
    if not path.exists():
        raise click.ClickException(f"no such node: {name}")
    path.unlink()
    click.echo(f"removed {path}")


if __name__ == "__main__":
    cli()
