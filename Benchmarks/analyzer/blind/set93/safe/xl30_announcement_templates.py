"""Organiser announcements: templated messages pushed to registered teams."""
import logging
from datetime import datetime
from string import Template

from flask import Flask, abort, jsonify, render_template_string, request
from markupsafe import escape

app = Flask(__name__)
log = logging.getLogger("announce")

TOURNAMENTS = {
    101: {"name": "Spring Skirmish", "game": "ArenaForge", "checkin": "2024-04-12 17:00 UTC"},
    102: {"name": "Duos Gauntlet", "game": "Skyline Rally", "checkin": "2024-04-19 18:30 UTC"},
}

WRAPPER = """<div class="announcement">
  <h3>{{ tournament.name }}</h3>
  <div class="body">{{ body }}</div>
  <small>posted {{ posted_at }}</small>
</div>"""


class Announcement:
    def __init__(self, tournament_id: int, template: str, author: str):
        self.tournament_id = tournament_id
        self.template = template
        self.author = author

    def compose(self, tournament: dict, team_name: str) -> str:
        # organisers use $team, $tournament, $checkin placeholders
        return Template(self.template).safe_substitute(
            team=team_name, tournament=tournament["name"], checkin=tournament["checkin"]
        )

    def render(self, team_name: str) -> str:
        tournament = TOURNAMENTS[self.tournament_id]
        body = self.compose(tournament, team_name)
        return render_template_string(
            WRAPPER,
            tournament=tournament,
            body=body,
            posted_at=datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"),
        )


@app.post("/tournaments/<int:tid>/announcements/preview")
def preview(tid: int):
    if tid not in TOURNAMENTS:
        abort(404)
    data = request.get_json(force=True)
    ann = Announcement(tid, data.get("body", ""), data.get("author", "organiser"))
    html = ann.render(team_name=data.get("sample_team", "Team Liquidity"))
    log.info("preview rendered for tournament %d by %r", tid, ann.author)
    return jsonify(html=html)


@app.get("/tournaments/<int:tid>")
def tournament_info(tid: int):
    t = TOURNAMENTS.get(tid) or abort(404)
    return jsonify(name=str(escape(t["name"])), game=t["game"], checkin=t["checkin"])
