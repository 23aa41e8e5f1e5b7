"""Build and package CI artifacts for a git ref announced by the webhook listener."""
import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import click

WORKSPACE = Path(os.environ.get("CI_WORKSPACE", "/srv/ci/workspace"))
ARTIFACTS = WORKSPACE / "artifacts"
REF_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")
REPO_RE = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def run(cmd, cwd=None):
    click.echo(f"+ {shlex.join(cmd)}")
    result = subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True)
    return result.stdout


def load_pipeline(path):
    with open(path, encoding="utf-8") as fh:
        config = json.load(fh)
    if "remote" not in config:
        raise click.ClickException("pipeline config must define 'remote'")
    return config


def checkout_dir(repo):
    return WORKSPACE / repo.replace("/", "__")


@click.group()
def cli():
    """CI artifact helper."""


@cli.command()
@click.option("--repo", required=True, help="Repository slug, e.g. team/service")
@click.option("--ref", required=True, help="Branch or tag from the triggering push event")
@click.option("--pipeline", type=click.Path(exists=True, dir_okay=False), default="pipeline.json")
def build(repo, ref, pipeline):
    if not REPO_RE.match(repo) or not REF_RE.match(ref) or ".." in ref:
        raise click.BadParameter("invalid repository or ref")
    config = load_pipeline(pipeline)
    checkout = checkout_dir(repo)
    if not checkout.exists():
        run(["git", "clone", "--quiet", f"{config['remote']}/{repo}.git", str(checkout)])
    run(["git", "fetch", "--all", "--tags", "--prune"], cwd=checkout)
    run(["git", "checkout", "--force", ref, "--"], cwd=checkout)
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=checkout).strip()
    for step in config.get("steps", []):
        run(shlex.split(step), cwd=checkout)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    artifact = ARTIFACTS / f"{repo.replace('/', '-')}-{commit}.tar.gz"
    run(["tar", "-czf", str(artifact), "-C", str(checkout), "."])
    click.echo(f"artifact written to {artifact}")


@cli.command()
@click.option("--keep", default=10, show_default=True, type=int)
def prune(keep):
    if not ARTIFACTS.exists():
        return
    files = sorted(ARTIFACTS.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in files[keep:]:
        stale.unlink()
        click.echo(f"removed {stale.name}")


if __name__ == "__main__":
    cli()
