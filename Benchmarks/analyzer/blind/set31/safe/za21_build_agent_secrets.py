"""Provision deploy keys and registry credentials from Vault onto build agents."""
import argparse
import logging
import os
import pwd
from pathlib import Path

import hvac

logger = logging.getLogger("agent-secrets")

VAULT_MOUNT = "ci"
KEY_FILE_MODE = 0o600
ENV_FILE_MODE = 0o600


def vault_client():
    client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ["VAULT_TOKEN"])
    if not client.is_authenticated():
        raise SystemExit("vault authentication failed")
    return client


def read_secret(client, path):
    secret = client.secrets.kv.v2.read_secret_version(path=path, mount_point=VAULT_MOUNT)
    return secret["data"]["data"]


def write_secret_file(path, content, mode, owner):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(content if content.endswith("\n") else content + "\n")
    os.chown(path, owner.pw_uid, owner.pw_gid)
    os.chmod(path, mode)


def provision(repo, agent_user, home=None):
    owner = pwd.getpwnam(agent_user)
    base = Path(home or owner.pw_dir)
    ssh_dir = base / ".ssh"
    ssh_dir.mkdir(mode=0o700, exist_ok=True)
    client = vault_client()

    deploy = read_secret(client, f"deploy-keys/{repo}")
    key_path = ssh_dir / f"deploy_{repo.replace('/', '_')}"
    write_secret_file(key_path, deploy["private_key"], KEY_FILE_MODE, owner)

    registry = read_secret(client, "registry/push")
    env_lines = [
        f"REGISTRY_USER={registry['username']}",
        f"REGISTRY_TOKEN={registry['token']}",
        f"GIT_SSH_COMMAND=ssh -i {key_path} -o IdentitiesOnly=yes",
    ]
    env_path = base / ".build-agent.env"
    write_secret_file(env_path, "\n".join(env_lines), ENV_FILE_MODE, owner)
    logger.info("provisioned secrets for %r into %r", repo, str(base))
    return key_path, env_path


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("repo", help="repository slug, e.g. platform/api")
    parser.add_argument("--agent-user", default="buildkite-agent")
    parser.add_argument("--home", help="override the agent home directory")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    key_path, env_path = provision(args.repo, args.agent_user, args.home)
    print(f"wrote {key_path} and {env_path}")


if __name__ == "__main__":
    main()
