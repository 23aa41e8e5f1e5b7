import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterator

import yaml

log = logging.getLogger("scenarios")
PACKS_DIR = Path("/srv/gameserver/community_packs")
ALLOWED_RULES = {"max_players", "friendly_fire", "respawn_seconds", "time_limit_min"}


@dataclass
class Scenario:
    name: str
    author: str
    maps: list = field(default_factory=list)
    spawn_tables: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)


def _maps(scn: Scenario, section) -> None:
    scn.maps = [str(m) for m in section]


def _spawns(scn: Scenario, section) -> None:
    scn.spawn_tables = {str(zone): {str(mob): float(w) for mob, w in table.items()} for zone, table in section.items()}


def _rules(scn: Scenario, section) -> None:
    scn.rules = {k: v for k, v in section.items() if k in ALLOWED_RULES}


SECTION_HANDLERS: Dict[str, Callable[[Scenario, object], None]] = {"maps": _maps, "spawns": _spawns, "rules": _rules}


def read_manifest(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        document = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    if not isinstance(document, dict):
        raise ValueError("manifest must be a mapping")
    return document


def build_scenario(doc: dict) -> Scenario:
    scn = Scenario(name=str(doc.get("name", "untitled")), author=str(doc.get("author", "unknown")))
    for key, section in doc.items():
        handler = SECTION_HANDLERS.get(key)
        if handler is not None:
            handler(scn, section)
    return scn


def discover(packs_dir: Path = PACKS_DIR) -> Iterator[Scenario]:
    for manifest in sorted(packs_dir.glob("*/scenario.yaml")):
        try:
            yield build_scenario(read_manifest(manifest))
        except (yaml.YAMLError, ValueError, AttributeError, TypeError) as exc:
            log.warning("skipping pack %r: %r", manifest.parent.name, exc)


class ScenarioRegistry:
    def __init__(self):
        self._by_name: Dict[str, Scenario] = {}

    def reload(self, packs_dir: Path = PACKS_DIR) -> int:
        self._by_name = {s.name: s for s in discover(packs_dir)}
        log.info("loaded %d community scenarios", len(self._by_name))
        return len(self._by_name)

    def get(self, name: str):
        return self._by_name.get(name)

    def __iter__(self):
        return iter(self._by_name.values())

    def __len__(self):
        return len(self._by_name)
