#!/usr/bin/env python3
"""Render application secrets from HashiCorp Vault into a dotenv file at container start.

Entrypoint usage:
    vault_env.py --path kv/data/payments/prod -- gunicorn app:app
"""
import argparse
import logging
import os
import shlex
import sys
import tempfile

import hvac

log = logging.getLogger("vault-env")


def vault_client() -> hvac.Client:
    client = hvac.Client(url=os.environ.get("VAULT_ADDR", "https://vault.internal:8200"), timeout=10)
    role_id = os.environ["VAULT_ROLE_ID"]
    secret_id = os.environ["VAULT_SECRET_ID"]
    client.auth.approle.login(role_id=role_id, secret_id=secret_id)
    if not client.is_authenticated():
        raise RuntimeError("vault authentication failed")
    return client


def read_secrets(client: hvac.Client, path: str) -> dict:
    mount, _, rest = path.partition("/data/")
    resp = client.secrets.kv.v2.read_secret_version(path=rest, mount_point=mount)
    return resp["data"]["data"]


def write_env_file(secrets: dict) -> str:
    env_path = tempfile.mktemp(prefix="app-", suffix=".env")  # VULN
    with open(env_path, "w") as fh:
        for key, value in sorted(secrets.items()):
            fh.write(f"{key}={shlex.quote(str(value))}\n")
    os.chmod(env_path, 0o666)  # VULN
    return env_path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", required=True, help="KV v2 path, e.g. kv/data/payments/prod")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    secrets = read_secrets(vault_client(), args.path)
    env_file = write_env_file(secrets)
    log.info("wrote %d secrets to %s", len(secrets), env_file)

    cmd = [c for c in args.command if c != "--"]
    if not cmd:
        return 0
    env = dict(os.environ, APP_ENV_FILE=env_file)
    os.execvpe(cmd[0], cmd, env)


if __name__ == "__main__":
    sys.exit(main())
