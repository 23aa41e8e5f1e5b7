"""Team hub: coaches' scouting notes on opponents (Django views)."""
import re

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import ScoutingNote, Team


def _highlight(text: str, term: str) -> str:
    text = escape(text)
    if not term:
        return text
    return re.sub(re.escape(escape(term)), lambda m: f"<mark>{m.group(0)}</mark>", text, flags=re.I)


def _search_note_ids(team_id: int, term: str, opponent: str) -> list:
    sql = "SELECT id FROM hub_scoutingnote WHERE team_id = %s"
    params = [team_id]
    if term:
        sql += " AND body ILIKE %s"
        params.append(f"%{term}%")
    if opponent:
        sql += " AND opponent_tag = %s"
        params.append(opponent)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return [row[0] for row in cur.fetchall()]


@login_required
def notes_search(request, team_slug):
    try:
        team = Team.objects.get(slug=team_slug, staff=request.user)
    except Team.DoesNotExist:
        raise Http404
    term = request.GET.get("q", "").strip()
    opponent = request.GET.get("vs", "").strip().upper()
    ids = _search_note_ids(team.id, term, opponent)
    notes = ScoutingNote.objects.filter(id__in=ids).order_by("-created_at")[:100]
    rendered = []
    for n in notes:
        snippet = mark_safe(_highlight(n.body[:400], term))
        rendered.append({
            "title": n.title,
            "opponent": n.opponent_tag,
            "snippet": snippet,
            "author": n.author.get_username(),
        })
    return render(request, "hub/notes_search.html", {"team": team, "q": term, "notes": rendered})


@login_required
def note_detail_json(request, team_slug, note_id: int):
    note = ScoutingNote.objects.filter(
        id=note_id, team__slug=team_slug, team__staff=request.user
    ).first()
    if note is None:
        raise Http404
    return JsonResponse({"title": note.title, "body": note.body, "opponent": note.opponent_tag})
