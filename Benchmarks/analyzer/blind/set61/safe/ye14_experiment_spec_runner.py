"""Offline runner for recommendation experiments submitted through the experiments portal.

Data scientists upload experiment specs (YAML) via the portal; they land in the
spool directory and this CLI picks them up on the batch cluster.
"""
import json
import logging
import os
import shutil
from pathlib import Path

import click
import yaml

log = logging.getLogger("exp_runner")

SPOOL = Path(os.environ.get("EXPERIMENT_SPOOL", "/data/experiments/incoming"))
DONE = Path(os.environ.get("EXPERIMENT_DONE", "/data/experiments/processed"))

DEFAULTS = {
    "model": "two_tower",
    "candidate_pool": 500,
    "metrics": ["recall@20", "ndcg@10"],
    "holdout_days": 7,
}


def read_spec(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    if not isinstance(spec, dict):
        raise click.ClickException(f"{path.name}: spec must be a mapping")
    merged = {**DEFAULTS, **spec}
    merged["candidate_pool"] = int(merged["candidate_pool"])
    return merged


def run_experiment(spec: dict) -> dict:
    # the real implementation dispatches to the training cluster
    log.info("dispatching %s with pool=%d", spec["model"], spec["candidate_pool"])
    return {"model": spec["model"], "status": "submitted", "metrics": spec["metrics"]}


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.option("--dry-run", is_flag=True, help="parse specs but do not submit")
def drain(dry_run):
    """Process every spec waiting in the spool directory."""
    DONE.mkdir(parents=True, exist_ok=True)
    specs = sorted(SPOOL.glob("*.y*ml"))
    click.echo(f"{len(specs)} spec(s) waiting")
    for path in specs:
        try:
            spec = read_spec(path)
        except (yaml.YAMLError, ValueError) as exc:
            click.echo(f"skip {path.name}: {exc}", err=True)
            continue
        if dry_run:
            click.echo(json.dumps(spec, default=str, indent=2))
            continue
        result = run_experiment(spec)
        click.echo(f"{path.name}: {result['status']}")
        shutil.move(str(path), DONE / path.name)


@cli.command()
@click.argument("spec_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def show(spec_file):
    """Pretty-print a single spec after defaults are applied."""
    click.echo(json.dumps(read_spec(spec_file), default=str, indent=2))


if __name__ == "__main__":
    cli()
