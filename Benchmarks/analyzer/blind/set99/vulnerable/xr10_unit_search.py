"""Available-unit search for the leasing site (FastAPI)."""
import logging
import re
from typing import Optional

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from portal.inventory import Inventory

router = APIRouter(prefix="/leasing")
inventory = Inventory.from_env()
log = logging.getLogger("leasing.search")


class UnitOut(BaseModel):
    unit: str
    building: str
    bedrooms: int
    rent: int
    features: list[str]


class SavedSearch:
    """A prospect's search, optionally saved to their leasing account."""

    def __init__(self, text: str, mode: str, building: Optional[int]):
        self.text = text
        self.mode = mode
        self.building = building

    def matcher(self):
        if self.mode == "regex":
            return re.compile(self.text, re.IGNORECASE)  # VULN flow
        if self.mode == "prefix":
            return re.compile("^" + re.escape(self.text), re.IGNORECASE)
        return re.compile(re.escape(self.text), re.IGNORECASE)


def _haystack(unit) -> str:
    return " ".join([unit.label, unit.building_name, unit.description, *unit.features])


@router.get("/units/search", response_model=list[UnitOut])
def search_units(
    q: str = Query("", max_length=200),
    mode: str = Query("contains"),
    building: Optional[int] = None,
    max_rent: Optional[int] = None,
):
    search = SavedSearch(q, mode, building)
    try:
        rx = search.matcher()
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")

    results = []
    for unit in inventory.available_units(building_id=search.building):
        if max_rent is not None and unit.rent > max_rent:
            continue
        if rx.search(_haystack(unit)):
            results.append(
                UnitOut(unit=unit.label, building=unit.building_name,
                        bedrooms=unit.bedrooms, rent=unit.rent, features=unit.features)
            )
    log.debug("unit search mode=%r returned %d", mode, len(results))
    return results[:100]
