"""Batch runner for the shared analytics box.

Analysts drop experiment specs (YAML) into the team inbox bucket; the
scheduler calls `runner sweep` every few minutes to execute new ones.
"""
import json
import logging
import shutil
from pathlib import Path
from typing import Optional

import pandas as pd
import typer
import yaml

app = typer.Typer(help="Run queued demand-forecast experiments")
log = logging.getLogger("spec-runner")

INBOX = Path("/srv/analytics/inbox")
DONE = Path("/srv/analytics/done")
RESULTS = Path("/srv/analytics/results")


class ExperimentSpec:
    def __init__(self, raw: dict):
        self.name = Path(str(raw["name"])).name
        self.dataset = raw["dataset"]
        self.target = raw.get("target", "units")
        self.horizon = int(raw.get("horizon", 14))
        self.group_by = raw.get("group_by", ["warehouse"])


def read_spec(path: Path) -> ExperimentSpec:
    with path.open("r", encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    return ExperimentSpec(raw)


def naive_forecast(df: pd.DataFrame, spec: ExperimentSpec) -> pd.DataFrame:
    last = df.sort_values("date").groupby(spec.group_by)[spec.target].apply(lambda s: s.tail(28).mean())
    return last.rename("forecast_per_day").reset_index().assign(horizon=spec.horizon)


def run_one(path: Path) -> Optional[Path]:
    spec = read_spec(path)
    data = pd.read_parquet(Path("/srv/analytics/datasets") / f"{Path(spec.dataset).name}.parquet")
    out = RESULTS / f"{spec.name}.csv"
    naive_forecast(data, spec).to_csv(out, index=False)
    shutil.move(str(path), DONE / path.name)
    return out


@app.command()
def sweep(limit: int = typer.Option(10, help="max specs per run")):
    logging.basicConfig(level=logging.INFO)
    specs = sorted(INBOX.glob("*.y*ml"))[:limit]
    summary = []
    for spec_path in specs:
        try:
            out = run_one(spec_path)
            summary.append({"spec": spec_path.name, "result": str(out)})
        except Exception as exc:
            log.error("spec %r failed: %r", spec_path.name, exc)
            summary.append({"spec": spec_path.name, "error": str(exc)})
    typer.echo(json.dumps(summary, indent=2))


@app.command()
def show(spec: Path):
    s = read_spec(spec)
    typer.echo(f"{s.name}: target={s.target} horizon={s.horizon} group_by={s.group_by}")


if __name__ == "__main__":
    app()
