"""League admins upload a YAML season definition (rounds, byes, venues)."""
import logging
from datetime import date
from typing import List, Optional

import yaml
from fastapi import FastAPI, File, HTTPException, UploadFile
from pydantic import BaseModel, ValidationError

log = logging.getLogger("season.config")
app = FastAPI(title="season-config")

SEASONS: dict = {}


class RoundSpec(BaseModel):
    number: int
    starts: date
    byes: List[str] = []
    venue_overrides: dict = {}


class SeasonConfig(BaseModel):
    name: str
    division: str
    teams: List[str]
    rounds: List[RoundSpec]
    finals_format: Optional[str] = "top4"


def parse_season(raw: bytes) -> SeasonConfig:
    doc = yaml.load(raw, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ValueError("season document must be a mapping")
    return SeasonConfig(**doc.get("season", doc))


def check_consistency(cfg: SeasonConfig) -> list:
    problems = []
    known = set(cfg.teams)
    for rnd in cfg.rounds:
        unknown = [t for t in rnd.byes if t not in known]
        if unknown:
            problems.append(f"round {rnd.number}: unknown bye teams {unknown}")
    numbers = [r.number for r in cfg.rounds]
    if len(numbers) != len(set(numbers)):
        problems.append("duplicate round numbers")
    return problems


@app.post("/leagues/{league_id}/season")
async def upload_season(league_id: str, file: UploadFile = File(...)):
    raw = await file.read()
    if len(raw) > 512 * 1024:
        raise HTTPException(status_code=413, detail="season file too large")
    try:
        cfg = parse_season(raw)
    except (yaml.YAMLError, ValueError, ValidationError) as exc:
        log.warning("season upload for %r rejected: %r", league_id, exc)
        raise HTTPException(status_code=422, detail="invalid season definition")
    problems = check_consistency(cfg)
    if problems:
        return {"accepted": False, "problems": problems}
    SEASONS[league_id] = cfg
    return {"accepted": True, "rounds": len(cfg.rounds), "teams": len(cfg.teams)}
