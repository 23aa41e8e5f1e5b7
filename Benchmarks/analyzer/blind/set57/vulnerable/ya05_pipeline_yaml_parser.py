"""Load `.pipeline.yml` from a checked-out repository and expand templates.

Runs on the coordinator before jobs are dispatched to runners.
"""
import argparse
import logging
import os
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List

import requests
import yaml

log = logging.getLogger("coordinator.config")

TEMPLATE_BASE = os.environ.get("PIPELINE_TEMPLATE_URL", "https://templates.ci.internal")
TEMPLATE_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


@dataclass
class Stage:
    name: str
    script: List[str]
    image: str = "python:3.11-slim"
    needs: List[str] = field(default_factory=list)


def merge(base: Dict[str, Any], override: Dict[str, Any]) -> Dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def fetch_template(name: str) -> Dict[str, Any]:
    if not TEMPLATE_NAME_RE.fullmatch(name):
        raise ValueError(f"bad template name {name!r}")
    resp = requests.get(f"{TEMPLATE_BASE}/{name}.yml", timeout=10)
    resp.raise_for_status()
    return yaml.safe_load(resp.text) or {}


class PipelineConfig:
    FILENAME = ".pipeline.yml"

    def __init__(self, raw: Dict[str, Any]):
        self.raw = raw
        self.stages = [self._stage(n, s) for n, s in raw.get("stages", {}).items()]

    @staticmethod
    def _stage(name: str, spec: Any) -> Stage:
        if isinstance(spec, list):
            return Stage(name=name, script=spec)
        return Stage(name=name, script=spec.get("script", []),
                     image=spec.get("image", Stage.image), needs=spec.get("needs", []))

    @classmethod
    def from_checkout(cls, workdir: str) -> "PipelineConfig":
        path = os.path.join(workdir, cls.FILENAME)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
        if not isinstance(doc, dict):
            raise ValueError("pipeline file must be a mapping")
        for tpl in doc.pop("include", []):
            doc = merge(fetch_template(tpl), doc)
        return cls(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description="Print the resolved pipeline")
    parser.add_argument("workdir", help="path to the repository checkout")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    config = PipelineConfig.from_checkout(args.workdir)
    for stage in config.stages:
        deps = ", ".join(stage.needs) or "-"
        print(f"{stage.name:20} {stage.image:30} needs: {deps}")


if __name__ == "__main__":
    main()
