"""Public leaderboard page for a fantasy league (Django)."""
import logging

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape
from django.views.decorators.http import require_GET

from .models import League, Team

log = logging.getLogger(__name__)

ROW_TEMPLATE = "<tr class='{css}'><td>{rank}</td><td>{name}</td><td>{owner}</td><td>{points:.1f}</td></tr>"


def _standings(league):
    return Team.objects.filter(league=league).order_by("-points", "name")


def _render_rows(teams, highlight):
    rows = []
    for rank, team in enumerate(teams, start=1):
        css = "highlight" if highlight and highlight.lower() in team.name.lower() else ""
        rows.append(ROW_TEMPLATE.format(css=css, rank=rank, name=escape(team.name), owner=escape(team.owner_display), points=team.points))
    return "".join(rows)


@require_GET
def leaderboard(request, league_id):
    league = get_object_or_404(League, pk=league_id, is_public=True)
    highlight = request.GET.get("team", "").strip()
    body = _render_rows(_standings(league), highlight)
    banner = f"<p class='search'>Highlighting teams matching <b>{escape(highlight)}</b></p>" if highlight else ""
    html = (
        "<html><head><title>Standings</title></head><body>"
        f"<h1>{escape(league.name)}</h1>{banner}"
        "<table><tr><th>#</th><th>Team</th><th>Owner</th><th>Pts</th></tr>"
        f"{body}</table></body></html>"
    )
    return HttpResponse(html)


@require_GET
def leaderboard_json(request, league_id):
    league = get_object_or_404(League, pk=league_id, is_public=True)
    data = [
        {"rank": i, "team": t.name, "owner": t.owner_display, "points": t.points}
        for i, t in enumerate(_standings(league), start=1)
    ]
    return JsonResponse({"league": league.name, "standings": data})
