"""Marina berth availability board (Starlette)."""
import logging
from dataclasses import dataclass
from datetime import date

from jinja2 import DictLoader, Environment
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

log = logging.getLogger("marina.board")

TEMPLATES = {
    "board.html": """<!doctype html>
<html><body>
<h1>Berths available for {{ vessel }}</h1>
<p>Length overall {{ loa }} m &middot; arriving {{ arrival }}</p>
<ul>{% for b in berths %}<li>{{ b.code }} &ndash; pontoon {{ b.pontoon }} (max {{ b.max_loa }} m)</li>{% endfor %}</ul>
</body></html>""",
}

env = Environment(loader=DictLoader(TEMPLATES), autoescape=False)  # VULN

BERTHS = [
    {"code": "A01", "pontoon": "A", "max_loa": 9.5, "free_from": date(2024, 4, 1)},
    {"code": "A07", "pontoon": "A", "max_loa": 12.0, "free_from": date(2024, 5, 15)},
    {"code": "C12", "pontoon": "C", "max_loa": 18.0, "free_from": date(2024, 3, 20)},
    {"code": "V02", "pontoon": "Visitor", "max_loa": 25.0, "free_from": date(2024, 1, 1)},
]


@dataclass
class BoardQuery:
    vessel: str
    loa: float
    arrival: date

    @classmethod
    def from_params(cls, params):
        return cls(
            vessel=params.get("vessel", "your vessel")[:80],
            loa=float(params.get("loa", "10")),
            arrival=date.fromisoformat(params.get("arrival") or date.today().isoformat()),
        )


def matching_berths(query):
    return [b for b in BERTHS if b["max_loa"] >= query.loa and b["free_from"] <= query.arrival]


async def board(request):
    try:
        query = BoardQuery.from_params(request.query_params)
    except ValueError:
        return JSONResponse({"error": "loa must be a number and arrival YYYY-MM-DD"}, status_code=400)
    berths = matching_berths(query)
    log.info("board lookup loa=%s arrival=%s matches=%d", query.loa, query.arrival, len(berths))
    page = env.get_template("board.html").render(vessel=query.vessel, loa=query.loa, arrival=query.arrival, berths=berths)  # VULN flow
    return HTMLResponse(page)


async def berths_json(request):
    return JSONResponse([{**b, "free_from": b["free_from"].isoformat()} for b in BERTHS])


app = Starlette(routes=[Route("/board", board), Route("/api/berths", berths_json)])
