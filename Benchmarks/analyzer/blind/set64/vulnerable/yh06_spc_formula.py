"""Derived characteristics for the SPC service.

Quality engineers can define a derived characteristic as a formula over the
raw gauge readings of a part, e.g. ``(od_1 + od_2) / 2 - id_1``. The formula
is stored with the characteristic definition and evaluated per sample.
"""
import math
import statistics
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="spc-derived")

FORMULA_GLOBALS = {"__builtins__": {}, "sqrt": math.sqrt, "abs": abs, "pi": math.pi}


class Sample(BaseModel):
    serial: str
    readings: Dict[str, float]


class DerivedRequest(BaseModel):
    characteristic: str
    formula: str
    usl: float
    lsl: float
    samples: List[Sample]


def evaluate(formula: str, readings: Dict[str, float]) -> float:
    scope = dict(readings)
    return float(eval(formula, FORMULA_GLOBALS, scope))  # VULN flow


def capability(values: List[float], usl: float, lsl: float) -> Dict[str, float]:
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    if sd == 0:
        return {"mean": mean, "sigma": 0.0, "cpk": float("inf")}
    cpk = min(usl - mean, mean - lsl) / (3 * sd)
    return {"mean": mean, "sigma": sd, "cpk": cpk}


@app.post("/spc/derived")
def derived(req: DerivedRequest):
    if not req.samples:
        raise HTTPException(status_code=400, detail="no samples")
    values = []
    for sample in req.samples:
        try:
            values.append(evaluate(req.formula, sample.readings))
        except (NameError, ZeroDivisionError, TypeError, SyntaxError) as exc:
            raise HTTPException(
                status_code=422, detail="sample %s: %s" % (sample.serial, exc)
            )
    stats = capability(values, req.usl, req.lsl)
    return {"characteristic": req.characteristic, "n": len(values), **stats}
