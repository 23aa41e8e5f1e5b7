"""Deploy a branch to the staging fleet over SSH (invoked by the CI pipeline)."""
import argparse
import logging
import os
import sys
from dataclasses import dataclass

import paramiko

log = logging.getLogger("deploy")

KEY_PATH = os.path.expanduser("~/.ssh/deploy_ed25519")


@dataclass(frozen=True)
class DeployTarget:
    host: str
    user: str = "deploy"
    app_dir: str = "/srv/app"


FLEET = {
    "staging": [DeployTarget("stg-web-1.internal"), DeployTarget("stg-web-2.internal")],
    "qa": [DeployTarget("qa-web-1.internal", app_dir="/srv/qa-app")],
}


def run_remote(target, branch):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN
    client.connect(target.host, username=target.user, key_filename=KEY_PATH, timeout=15)
    try:
        command = (
            f"cd {target.app_dir} && git fetch --prune origin && "
            f"git checkout --force origin/{branch} && ./bin/deploy --restart"
        )
        _stdin, stdout, stderr = client.exec_command(command, timeout=900)  # VULN flow
        output = stdout.read().decode(errors="replace")
        errors = stderr.read().decode(errors="replace")
        exit_code = stdout.channel.recv_exit_status()
        for line in output.splitlines():
            log.info("[%s] %r", target.host, line)
        if exit_code != 0:
            log.error("[%s] deploy failed: %r", target.host, errors[-2000:])
        return exit_code
    finally:
        client.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("environment", choices=sorted(FLEET))
    parser.add_argument("--branch", default=os.environ.get("CI_COMMIT_REF_NAME", "main"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    failed = [t.host for t in FLEET[args.environment] if run_remote(t, args.branch) != 0]
    if failed:
        log.error("deploy failed on %s", ", ".join(failed))
        return 1
    log.info("deployed to %d hosts in %s", len(FLEET[args.environment]), args.environment)
    return 0


if __name__ == "__main__":
    sys.exit(main())
