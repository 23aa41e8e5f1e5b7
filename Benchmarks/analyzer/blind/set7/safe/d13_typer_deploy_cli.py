import os
import re
import shlex
import sys

import paramiko
import typer

HOSTS = {
    "staging": ["stg-app-01.corp.internal"],
    "production": ["prd-app-01.corp.internal", "prd-app-02.corp.internal"],
}
REF_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")
cli = typer.Typer(add_completion=False)


def connect(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username="deploy", key_filename=os.environ.get("DEPLOY_KEY", os.path.expanduser("~/.ssh/deploy_ed25519")), timeout=10)
    return client


def run(client, command):
    _, stdout, stderr = client.exec_command(command, timeout=300)
    rc = stdout.channel.recv_exit_status()
    return rc, stdout.read().decode(), stderr.read().decode()


@cli.command()
def deploy(environment: str, ref: str = "main", dry_run: bool = False):
    if environment not in HOSTS:
        typer.echo(f"unknown environment, choose from {', '.join(sorted(HOSTS))}", err=True)
        raise typer.Exit(2)
    if not REF_RE.fullmatch(ref):
        typer.echo("invalid git ref", err=True)
        raise typer.Exit(2)
    steps = [
        "cd /srv/app && git fetch --prune origin",
        f"cd /srv/app && git checkout --detach {shlex.quote(ref)}",
        "cd /srv/app && ./bin/migrate && sudo systemctl restart app.service",
    ]
    for host in HOSTS[environment]:
        typer.echo(f"==> {host}")
        if dry_run:
            for step in steps:
                typer.echo(f"    would run: {step}")
            continue
        client = connect(host)
        try:
            for step in steps:
                rc, out, err = run(client, step)
                typer.echo(out.rstrip())
                if rc != 0:
                    typer.echo(err, err=True)
                    sys.exit(rc)
        finally:
            client.close()


if __name__ == "__main__":
    cli()
