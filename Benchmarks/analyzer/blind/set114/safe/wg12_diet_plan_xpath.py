"""Bottle service exposing per-animal diet plans from the nutritionist's XML file."""
import logging
import os
import threading

from bottle import Bottle, HTTPError, request, response
from lxml import etree

log = logging.getLogger("diet_plans")
app = Bottle()

DIET_FILE = os.environ.get("DIET_PLAN_XML", "/srv/zoo/nutrition/diet_plans.xml")


class DietPlans:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = 0.0
        self._tree = None

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                self._tree = etree.parse(self.path)
                self._mtime = mtime
        return self._tree

    def items_for(self, animal_id: str, season: str) -> list[dict]:
        expr = (
            "//animal[@id=$animal_id]"
            "/plan[@season=$season]/item"
        )
        nodes = self.tree().xpath(expr, animal_id=animal_id, season=season)
        return [
            {
                "food": n.get("food"),
                "grams": float(n.get("grams", "0")),
                "time": n.get("time"),
                "notes": (n.text or "").strip(),
            }
            for n in nodes
        ]


plans = DietPlans(DIET_FILE)


@app.get("/diet/<animal_id>")
def diet(animal_id):
    season = request.query.get("season", "summer")
    try:
        items = plans.items_for(animal_id, season)
    except etree.XPathEvalError:
        raise HTTPError(400, "bad request")
    if not items:
        raise HTTPError(404, "no plan")
    response.content_type = "application/json"
    total = sum(i["grams"] for i in items)
    return {"animal": animal_id, "season": season, "total_grams": total, "items": items}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
