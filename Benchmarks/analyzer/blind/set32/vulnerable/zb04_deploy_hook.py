"""CI deploy hook: reads the push event from the runner and rolls out to app hosts."""
import json
import logging
import os

import click
import paramiko

logger = logging.getLogger("deploy")

APP_HOSTS = {
    "staging": ["app-stg-1.internal", "app-stg-2.internal"],
    "production": ["app-prd-1.internal", "app-prd-2.internal", "app-prd-3.internal"],
}
REPO_DIR = "/opt/storefront"


class RemoteSession:
    def __init__(self, host, user, key_path):
        self.host = host
        self.user = user
        self.key_path = key_path
        self.client = paramiko.SSHClient()

    def __enter__(self):
        self.client.load_system_host_keys()
        self.client.set_missing_host_key_policy(paramiko.RejectPolicy())
        self.client.connect(self.host, username=self.user, key_filename=self.key_path, timeout=15)
        return self

    def __exit__(self, *exc):
        self.client.close()
        return False

    def run(self, command):
        _stdin, stdout, stderr = self.client.exec_command(command, timeout=300)  # VULN flow
        status = stdout.channel.recv_exit_status()
        if status != 0:
            raise click.ClickException(f"{self.host}: exit {status}: {stderr.read().decode()[:500]}")
        return stdout.read().decode()


def branch_from_event(event_path):
    with open(event_path, encoding="utf-8") as fh:
        event = json.load(fh)
    ref = event.get("ref", "")
    if not ref.startswith("refs/heads/"):
        raise click.ClickException("event is not a branch push")
    return ref[len("refs/heads/"):]


def deploy_commands(branch):
    return [
        f"cd {REPO_DIR} && git fetch origin {branch}",
        f"cd {REPO_DIR} && git checkout -f origin/{branch}",
        "sudo systemctl restart storefront",
    ]


@click.command()
@click.option("--event-file", envvar="CI_EVENT_PATH", required=True, type=click.Path(exists=True))
@click.option("--env", "environment", type=click.Choice(sorted(APP_HOSTS)), default="staging")
@click.option("--user", default="deploy")
def main(event_file, environment, user):
    branch = branch_from_event(event_file)
    key_path = os.environ.get("DEPLOY_KEY_PATH", os.path.expanduser("~/.ssh/deploy_ed25519"))
    for host in APP_HOSTS[environment]:
        logger.info("deploying branch=%r to host=%s", branch, host)
        with RemoteSession(host, user, key_path) as session:
            for command in deploy_commands(branch):
                session.run(command)
    click.echo(f"deployed to {len(APP_HOSTS[environment])} hosts")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
