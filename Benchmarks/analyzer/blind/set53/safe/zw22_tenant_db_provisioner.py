#!/usr/bin/env python3
"""Provision per-tenant Postgres databases.

Blocks on the ``provision:tenants`` Redis list, which the signup service
pushes ``tenant.created`` events onto, and creates the owner role and the
database for each new tenant.
"""
import json
import logging
import os
import re
import secrets
import subprocess
import sys

import redis

from provisioning.secrets_client import store_db_credentials

log = logging.getLogger("tenant-provisioner")

QUEUE_KEY = "provision:tenants"
PG_HOST = os.environ.get("PG_HOST", "pg-tenants.internal")
PG_ADMIN = os.environ.get("PG_ADMIN_USER", "provisioner")
SLUG_RE = re.compile(r"^[a-z][a-z0-9_]{2,40}$")


def names_for(event: dict) -> dict:
    slug = event["tenant"]["slug"].lower()
    if not SLUG_RE.match(slug):
        raise ValueError(f"refusing tenant slug {slug!r}")
    return {"db": f"t_{slug}", "owner": f"t_{slug}_owner"}


def create_role(owner: str, password: str) -> None:
    sql = f"CREATE ROLE {owner} LOGIN PASSWORD '{password}'"
    subprocess.run(["psql", "-h", PG_HOST, "-U", PG_ADMIN, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True)


def create_database(dbname: str, owner: str) -> None:
    cmd = ["createdb", "-h", PG_HOST, "-U", PG_ADMIN, "-O", owner, "-E", "UTF8", dbname]
    rc = subprocess.run(cmd, check=False).returncode
    if rc != 0:
        raise RuntimeError(f"createdb exited with {rc}")


def handle(event: dict) -> None:
    names = names_for(event)
    password = secrets.token_hex(32)
    create_role(names["owner"], password)
    create_database(names["db"], names["owner"])
    store_db_credentials(event["tenant"]["id"], names["db"], names["owner"], password)
    log.info("provisioned database %r for tenant %r", names["db"], event["tenant"]["id"])


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while True:
        item = r.blpop(QUEUE_KEY, timeout=30)
        if item is None:
            continue
        try:
            handle(json.loads(item[1]))
        except (KeyError, ValueError, RuntimeError, subprocess.CalledProcessError):
            log.exception("provisioning failed; pushing to dead-letter list")
            r.rpush(QUEUE_KEY + ":dead", item[1])


if __name__ == "__main__":
    sys.exit(main())
