import argparse
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml

logger = logging.getLogger("warehouse.config")

DEFAULT_PATH = Path("/etc/warehouse/config.yaml")
OVERRIDE_URL = os.environ.get("SITE_OVERRIDE_URL", "https://config.logistics.internal/sites")
SITE_RE = re.compile(r"^[A-Z]{3}\d{2}$")


@dataclass
class WarehouseConfig:
    site_code: str
    timezone: str = "UTC"
    pick_batch_size: int = 25
    docks: list = field(default_factory=list)
    carriers: dict = field(default_factory=dict)


def _read_text(source: str) -> str:
    if source.startswith("https://"):
        resp = requests.get(source, timeout=10)
        resp.raise_for_status()
        return resp.text
    return Path(source).read_text(encoding="utf-8")


def _parse(text: str) -> dict:
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def load_config(site_code: str, base: Path = DEFAULT_PATH) -> WarehouseConfig:
    if not SITE_RE.match(site_code):
        raise ValueError(f"invalid site code {site_code!r}")
    merged = _parse(_read_text(str(base)))
    overrides = _parse(_read_text(f"{OVERRIDE_URL}/{site_code}.yaml"))
    merged.update(overrides)
    return WarehouseConfig(
        site_code=site_code,
        timezone=str(merged.get("timezone", "UTC")),
        pick_batch_size=int(merged.get("pick_batch_size", 25)),
        docks=list(merged.get("docks", [])),
        carriers=dict(merged.get("carriers", {})),
    )


def main():
    parser = argparse.ArgumentParser(description="Print the effective warehouse configuration")
    parser.add_argument("site_code")
    parser.add_argument("--base", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = load_config(args.site_code, args.base)
    logger.info("site=%s docks=%d carriers=%d", cfg.site_code, len(cfg.docks), len(cfg.carriers))
    print(yaml.safe_dump(cfg.__dict__, sort_keys=False))


if __name__ == "__main__":
    main()
