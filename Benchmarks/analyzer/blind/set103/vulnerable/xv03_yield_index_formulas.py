"""Custom yield index evaluation for the crop analytics service.

Agronomists define their own per-field indices (e.g. nitrogen use efficiency)
as small arithmetic formulas over the observation fields.
"""
import logging
import math
from typing import Dict, List, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("yield.formulas")
app = FastAPI(title="crop-yield-analytics")

BASE_VARS = {"pi": math.pi, "bu_per_t_corn": 39.368}
MAX_FORMULA_LEN = 200


class FieldObservation(BaseModel):
    field_id: str
    area_ha: float
    harvested_t: float
    rainfall_mm: float = 0.0
    n_applied_kg: float = 0.0


class IndexRequest(BaseModel):
    name: str
    formula: str
    observations: List[FieldObservation]


class FormulaEngine:
    def __init__(self, expression: str):
        expression = expression.strip()
        if not expression or len(expression) > MAX_FORMULA_LEN:
            raise ValueError("formula length out of range")
        self.expression = expression

    @staticmethod
    def variables_for(obs: FieldObservation) -> Dict[str, float]:
        env = dict(BASE_VARS)
        env.update(obs.dict(exclude={"field_id"}))
        env["yield_t_ha"] = obs.harvested_t / obs.area_ha if obs.area_ha else 0.0
        return env

    def evaluate(self, obs: FieldObservation) -> float:
        env = self.variables_for(obs)
        return float(eval(self.expression, {"__builtins__": {}}, env))  # VULN flow


@app.post("/indices/evaluate")
def evaluate_index(req: IndexRequest):
    try:
        engine = FormulaEngine(req.formula)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc))

    results: Dict[str, Optional[float]] = {}
    for obs in req.observations:
        try:
            results[obs.field_id] = round(engine.evaluate(obs), 4)
        except ZeroDivisionError:
            results[obs.field_id] = None
        except Exception as exc:
            log.warning("formula %r failed on field %r: %r", req.name, obs.field_id, exc)
            raise HTTPException(status_code=400, detail="formula could not be evaluated")
    return {"index": req.name, "values": results}


@app.get("/indices/variables")
def list_variables():
    sample = FieldObservation(field_id="x", area_ha=1.0, harvested_t=1.0)
    return sorted(FormulaEngine.variables_for(sample))
