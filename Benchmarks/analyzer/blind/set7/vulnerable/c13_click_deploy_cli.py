import re
import sys

import click
import paramiko

HOSTS = {
    "staging": ["stg-app-01.corp.internal"],
    "production": ["prd-app-01.corp.internal", "prd-app-02.corp.internal"],
}
REF_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")


def connect(host):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN
    client.connect(host, username="deploy", password="Dpl0y!2023-prod", timeout=10)  # VULN
    return client


def run(client, command):
    _, stdout, stderr = client.exec_command(command, timeout=300)
    rc = stdout.channel.recv_exit_status()
    return rc, stdout.read().decode(), stderr.read().decode()


@click.command()
@click.argument("environment", type=click.Choice(sorted(HOSTS)))
@click.option("--ref", default="main", show_default=True, help="git ref to deploy")
@click.option("--dry-run", is_flag=True)
def deploy(environment, ref, dry_run):
    if not REF_RE.fullmatch(ref):
        raise click.BadParameter("invalid git ref", param_hint="--ref")
    steps = [
        "cd /srv/app && git fetch --prune origin",
        f"cd /srv/app && git checkout --detach {ref}",
        "cd /srv/app && ./bin/migrate && sudo systemctl restart app.service",
    ]
    for host in HOSTS[environment]:
        click.echo(f"==> {host}")
        if dry_run:
            for step in steps:
                click.echo(f"    would run: {step}")
            continue
        client = connect(host)
        try:
            for step in steps:
                rc, out, err = run(client, step)
                click.echo(out.rstrip())
                if rc != 0:
                    click.echo(err, err=True)
                    sys.exit(rc)
        finally:
            client.close()


if __name__ == "__main__":
    deploy()
