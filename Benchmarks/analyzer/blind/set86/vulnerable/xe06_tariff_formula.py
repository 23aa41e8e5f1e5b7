"""Tariff preview service.

Pricing managers at partner CPOs define ad-hoc tariffs as small arithmetic
formulas over session usage (kWh, minutes plugged in, idle minutes, peak
flag). The console calls /tariffs/preview before saving a new formula.
"""
import logging
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="tariff-preview")
log = logging.getLogger("tariffs")


class Usage(BaseModel):
    kwh: float = Field(ge=0)
    minutes: float = Field(ge=0)
    idle_minutes: float = 0
    peak: bool = False


class PreviewRequest(BaseModel):
    formula: str = Field(max_length=400)
    currency: str = "EUR"
    samples: Optional[Dict[str, Usage]] = None


class TariffEngine:
    VARIABLES = ("kwh", "minutes", "idle_minutes", "peak")
    HELPERS = {"min": min, "max": max, "round": round, "abs": abs}

    def __init__(self, formula: str):
        self.formula = formula.strip()

    def evaluate(self, usage: Usage) -> float:
        scope = {name: float(getattr(usage, name)) for name in self.VARIABLES}
        scope.update(self.HELPERS)
        price = eval(self.formula, {"__builtins__": {}}, scope)  # VULN flow
        return round(float(price), 2)


DEFAULT_SAMPLES = {
    "short_ac": Usage(kwh=7.4, minutes=60),
    "dc_fast": Usage(kwh=42.0, minutes=25, peak=True),
    "overnight_idle": Usage(kwh=22.0, minutes=600, idle_minutes=420),
}


@app.post("/tariffs/preview")
def preview(req: PreviewRequest):
    engine = TariffEngine(req.formula)
    samples = req.samples or DEFAULT_SAMPLES
    results = {}
    for label, usage in samples.items():
        try:
            results[label] = engine.evaluate(usage)
        except ZeroDivisionError:
            raise HTTPException(status_code=422, detail="division by zero in %s" % label)
        except Exception as exc:
            raise HTTPException(status_code=422, detail="formula error: %s" % exc)
        if results[label] < 0:
            raise HTTPException(status_code=422, detail="negative price for %s" % label)
    log.info("previewed tariff %r over %d samples", req.formula, len(results))
    return {"currency": req.currency, "prices": results}
