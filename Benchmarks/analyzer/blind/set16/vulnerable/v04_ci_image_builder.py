#!/usr/bin/env python3
"""Build and push service images described in a repo's .deploy.yml.

Runs on the shared CI runner for every pushed branch, including forks.
"""
import logging
import re
import subprocess
import sys
from pathlib import Path

import yaml

log = logging.getLogger("deploy-build")

REGISTRY = "registry.internal.example.com"
REGISTRY_USER = "ci-bot"
REGISTRY_PASSWORD = "cI-b0t!9f3kQz7Lw"  # VULN

NAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")
TAG_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")
DEFAULTS = {"tags": ["latest"], "build_args": {}}


def read_manifest(repo_dir):
    manifest = Path(repo_dir) / ".deploy.yml"
    with manifest.open() as fh:
        data = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    services = data.get("services", {}) if isinstance(data, dict) else {}
    return {str(name): {**DEFAULTS, **(cfg or {})} for name, cfg in services.items()}


def docker_login():
    subprocess.run(
        ["docker", "login", REGISTRY, "--username", REGISTRY_USER, "--password-stdin"],
        input=REGISTRY_PASSWORD, text=True, check=True,
    )


def build_and_push(repo_dir, name, cfg):
    tags = [str(t) for t in cfg["tags"] if TAG_RE.fullmatch(str(t))]
    if not NAME_RE.fullmatch(name) or not tags:
        log.warning("skipping service %r: invalid name or tags", name)
        return False
    image = f"{REGISTRY}/apps/{name}"
    context = Path(repo_dir) / "services" / name
    cmd = ["docker", "build", "-f", str(context / "Dockerfile")]
    for key, value in dict(cfg["build_args"]).items():
        cmd += ["--build-arg", f"{key}={value}"]
    for tag in tags:
        cmd += ["-t", f"{image}:{tag}"]
    subprocess.run(cmd + ["--", str(context)], check=True)
    for tag in tags:
        subprocess.run(["docker", "push", f"{image}:{tag}"], check=True)
    return True


def main(repo_dir):
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    services = read_manifest(repo_dir)
    if not services:
        log.info("no services declared, nothing to do")
        return 0
    docker_login()
    built = sum(build_and_push(repo_dir, name, cfg) for name, cfg in services.items())
    log.info("built %d of %d services", built, len(services))
    return 0 if built == len(services) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
