"""Pull radio configuration bundles from the RAN vendor portal and stage them for rollout."""
import json
import logging
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import List

import requests
import typer
import yaml

app = typer.Typer(help="Cell tower configuration tooling")
log = logging.getLogger("towercfg")

VENDOR_PORTAL = os.environ.get("VENDOR_PORTAL_URL", "https://configs.ran-vendor.example.net")
STAGING_DIR = Path(os.environ.get("TOWERCFG_STAGING", "/var/lib/towercfg/staging"))
SITE_RE = re.compile(r"[A-Z]{2,4}-\d{3,6}")


@dataclass
class Sector:
    azimuth: int
    tilt: float
    band: str
    pci: int


@dataclass
class TowerConfig:
    site_id: str
    region: str
    sectors: List[Sector] = field(default_factory=list)

    @classmethod
    def from_mapping(cls, data: dict) -> "TowerConfig":
        sectors = [Sector(**s) for s in data.get("sectors", [])]
        return cls(site_id=str(data["site_id"]), region=str(data["region"]), sectors=sectors)


def fetch_bundle(site_id: str, token: str) -> str:
    resp = requests.get(
        f"{VENDOR_PORTAL}/api/sites/{site_id}/config.yaml",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/yaml"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.text


def parse_bundle(raw: str) -> TowerConfig:
    data = yaml.safe_load(raw)
    if not isinstance(data, dict):
        raise typer.BadParameter("bundle must be a YAML mapping")
    return TowerConfig.from_mapping(data)


def check_sectors(cfg: TowerConfig) -> List[str]:
    problems = []
    for idx, sector in enumerate(cfg.sectors):
        if not 0 <= sector.azimuth < 360:
            problems.append(f"sector {idx}: azimuth {sector.azimuth} out of range")
        if not -15.0 <= sector.tilt <= 15.0:
            problems.append(f"sector {idx}: tilt {sector.tilt} out of range")
        if not 0 <= sector.pci <= 503:
            problems.append(f"sector {idx}: PCI {sector.pci} invalid")
    return problems


@app.command()
def pull(site_id: str, token: str = typer.Option(..., envvar="VENDOR_PORTAL_TOKEN")):
    """Download, validate and stage the vendor bundle for SITE_ID."""
    if not SITE_RE.fullmatch(site_id):
        raise typer.BadParameter("site id must look like NW-10423")
    cfg = parse_bundle(fetch_bundle(site_id, token))
    problems = check_sectors(cfg)
    if problems:
        for p in problems:
            typer.echo(p, err=True)
        raise typer.Exit(code=2)
    STAGING_DIR.mkdir(parents=True, exist_ok=True)
    out = STAGING_DIR / f"{site_id}.json"
    out.write_text(json.dumps(asdict(cfg), indent=2))
    typer.echo(f"staged {len(cfg.sectors)} sectors for {site_id} -> {out}")


@app.command()
def validate(path: Path):
    """Validate a bundle that was received out of band."""
    cfg = parse_bundle(path.read_text(encoding="utf-8"))
    problems = check_sectors(cfg)
    typer.echo("\n".join(problems) if problems else f"{cfg.site_id}: OK")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
