"""Hackathon judging portal: project pages for the public gallery and judge feedback emails."""
import statistics
from dataclasses import dataclass, field

from flask import Flask, abort, jsonify, request
from jinja2 import DictLoader, Environment, Template, select_autoescape

app = Flask(__name__)

PAGES = {
    "project.html": """<article class="project">
  <h1>{{ sub.title }}</h1>
  <p class="team">by {{ sub.team }}</p>
  <section class="blurb">{{ sub.blurb }}</section>
  <a href="{{ sub.repo_url }}">Source</a>
  {% if avg %}<p>Judges' average: {{ avg|round(1) }}</p>{% endif %}
</article>""",
}
env = Environment(loader=DictLoader(PAGES), autoescape=select_autoescape(["html"]))


@dataclass
class Submission:
    id: int
    team: str
    title: str
    blurb: str
    repo_url: str
    scores: dict = field(default_factory=dict)

    def average(self) -> float | None:
        return statistics.mean(self.scores.values()) if self.scores else None


class FeedbackMailer:
    FOOTER = "\n\n-- The judging committee"
    BODY = Template('Hi {{ team }}, thanks for submitting "{{ title }}"!\n\n'
                    "Average score: {{ avg|round(1) }}\n\n{{ notes }}" + FOOTER)

    def __init__(self, submission: Submission) -> None:
        self.submission = submission

    def compose(self, judge_notes: str) -> str:
        sub = self.submission
        return self.BODY.render(team=sub.team, title=sub.title,
                                avg=sub.average() or 0, notes=judge_notes)


SUBMISSIONS: dict[int, Submission] = {}


@app.post("/projects")
def submit_project():
    data = request.get_json(force=True)
    if not str(data.get("repo_url", "")).startswith("https://"):
        abort(400, description="repo_url must be https")
    sub = Submission(id=len(SUBMISSIONS) + 1, team=data["team"][:60], title=data["title"][:120],
                     blurb=data.get("blurb", "")[:2000], repo_url=data["repo_url"])
    SUBMISSIONS[sub.id] = sub
    return jsonify({"id": sub.id}), 201


@app.get("/projects/<int:project_id>")
def project_page(project_id: int):
    sub = SUBMISSIONS.get(project_id) or abort(404)
    return env.get_template("project.html").render(sub=sub, avg=sub.average())


@app.post("/projects/<int:project_id>/feedback")
def send_feedback(project_id: int):
    sub = SUBMISSIONS.get(project_id) or abort(404)
    judge = request.headers.get("X-Judge", "")
    score = request.json.get("score")
    if not judge or not isinstance(score, (int, float)) or not 0 <= score <= 10:
        abort(400)
    sub.scores[judge] = float(score)
    email = FeedbackMailer(sub).compose(request.json.get("notes", ""))
    return jsonify({"preview": email})
