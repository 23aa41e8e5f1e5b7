"""Commissioners can import league settings exported from another platform (YAML)."""
import io
import logging
from dataclasses import dataclass, field
from typing import Dict, List

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("league.import")

MAX_UPLOAD = 256 * 1024


@dataclass
class LeagueSettings:
    name: str
    teams: int = 12
    roster_slots: Dict[str, int] = field(default_factory=lambda: {"QB": 1, "RB": 2, "WR": 2, "TE": 1, "FLEX": 1})
    waiver_type: str = "faab"
    faab_budget: int = 100
    trade_deadline_week: int = 11
    playoff_teams: List[int] = field(default_factory=lambda: [6])


def read_upload() -> str:
    upload = request.files.get("settings")
    if upload is None:
        raise ValueError("missing settings file")
    raw = upload.stream.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        raise ValueError("settings file too large")
    return raw.decode("utf-8")


def parse_settings(text: str) -> LeagueSettings:
    doc = yaml.load(io.StringIO(text), Loader=yaml.SafeLoader)
    if not isinstance(doc, dict) or "league" not in doc:
        raise ValueError("expected a top-level 'league' mapping")
    league = doc["league"]
    return LeagueSettings(
        name=str(league.get("name", "Imported league")),
        teams=int(league.get("teams", 12)),
        roster_slots={str(k): int(v) for k, v in (league.get("roster") or {}).items()} or LeagueSettings("x").roster_slots,
        waiver_type=str(league.get("waivers", "faab")),
        faab_budget=int(league.get("faab_budget", 100)),
        trade_deadline_week=int(league.get("trade_deadline", 11)),
    )


@app.route("/leagues/<int:league_id>/settings/import", methods=["POST"])
def import_settings(league_id: int):
    try:
        settings = parse_settings(read_upload())
    except (ValueError, yaml.YAMLError) as exc:
        return jsonify({"error": str(exc)}), 400
    if not 4 <= settings.teams <= 20:
        return jsonify({"error": "team count must be between 4 and 20"}), 400
    log.info("league %d imported settings (%d teams)", league_id, settings.teams)
    return jsonify({"league_id": league_id, "settings": settings.__dict__})
