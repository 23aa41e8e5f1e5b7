"""Device-management agent module: installs the per-host deploy key from Vault."""
import logging
import os
import pwd
from pathlib import Path

import requests

log = logging.getLogger("agent.deploykey")

VAULT_ADDR = os.environ.get("VAULT_ADDR", "https://vault.infra.example.com:8200")
DEPLOY_USER = "deploy"


class DeployKeyProvisioner:
    def __init__(self, hostname, vault_token):
        self.hostname = hostname
        self.vault_token = vault_token
        home = Path(pwd.getpwnam(DEPLOY_USER).pw_dir)
        self.ssh_dir = home / ".ssh"
        self.key_path = self.ssh_dir / "id_ed25519_deploy"

    def fetch_key(self):
        resp = requests.get(
            f"{VAULT_ADDR}/v1/secret/data/deploy-keys/{self.hostname}",
            headers={"X-Vault-Token": self.vault_token},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()["data"]["data"]["private_key"]

    def install(self):
        key_material = self.fetch_key()
        self.ssh_dir.mkdir(mode=0o700, exist_ok=True)
        tmp_path = self.key_path.with_suffix(".tmp")
        with open(tmp_path, "w", encoding="ascii") as fh:
            fh.write(key_material.rstrip() + "\n")
        os.replace(tmp_path, self.key_path)
        # the agent (root) and the deploy user both need to read it
        os.chmod(self.key_path, 0o666)  # VULN
        entry = pwd.getpwnam(DEPLOY_USER)
        os.chown(self.key_path, entry.pw_uid, entry.pw_gid)
        os.chown(self.ssh_dir, entry.pw_uid, entry.pw_gid)
        log.info("deploy key installed at %s", self.key_path)
        return self.key_path


def run(config):
    token_file = Path(config.get("vault_token_file", "/etc/agent/vault-token"))
    provisioner = DeployKeyProvisioner(os.uname().nodename, token_file.read_text().strip())
    return str(provisioner.install())
