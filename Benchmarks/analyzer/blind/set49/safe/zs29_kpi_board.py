"""Team KPI board (Starlette).

Renders a lightweight HTML table of the people metrics for one team; it is
embedded as an iframe in the intranet team pages.
"""
import os
import sqlite3
from contextlib import closing
from html import escape

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

DB_PATH = os.environ.get("REPORTING_DB", "/srv/reporting/replica.db")

ROW_TEMPLATE = "<tr><td>{metric}</td><td>{value}</td><td>{period}</td></tr>"


class KpiRepository:
    def __init__(self, path: str):
        self.path = path

    def for_team(self, team: str, period: str) -> list:
        sql = (
            "SELECT metric, value, period FROM team_kpis "
            "WHERE team = ? AND period >= ? ORDER BY metric, period"
        )
        with closing(sqlite3.connect(self.path)) as conn:
            return conn.execute(sql, (team, period)).fetchall()


repo = KpiRepository(DB_PATH)


def render_rows(rows: list) -> str:
    return "".join(
        ROW_TEMPLATE.format(metric=escape(str(m)), value=round(v, 2), period=escape(str(p)))
        for m, v, p in rows
    )


async def kpi_board(request):
    team = request.query_params.get("team", "")
    since = request.query_params.get("since", "2024-01")
    if not team:
        return JSONResponse({"error": "team required"}, status_code=400)
    rows = repo.for_team(team, since)
    table = render_rows(rows)
    return HTMLResponse(
        f"<html><body><h2>People KPIs &middot; {escape(request.query_params.get('team'))}</h2>"
        f"<table class='kpi'>{table}</table></body></html>"
    )


async def kpi_json(request):
    team = request.path_params["team"]
    rows = repo.for_team(team, request.query_params.get("since", "2024-01"))
    return JSONResponse([{"metric": m, "value": v, "period": p} for m, v, p in rows])


app = Starlette(routes=[
    Route("/board", kpi_board),
    Route("/api/teams/{team}/kpis", kpi_json),
])
