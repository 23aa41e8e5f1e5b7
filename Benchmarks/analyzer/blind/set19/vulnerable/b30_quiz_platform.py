"""Classroom quiz platform: results pages and discussion comments (Flask)."""
import logging
import os

from flask import Flask, abort, redirect, render_template_string, request, url_for
from markupsafe import Markup

from quizzes.auth import current_user, login_required
from quizzes.store import QuizStore

app = Flask(__name__)
app.secret_key = os.environ["QUIZ_SECRET_KEY"]
store = QuizStore(os.environ.get("QUIZ_DB", "quizzes.db"))
log = logging.getLogger("quiz.web")

COMMENTS_PAGE = """<!doctype html>
<title>{{ quiz.title }} – discussion</title>
<h1>{{ quiz.title }}</h1>
{% for c in comments %}<div class="comment"><b>{{ c.author }}</b>: {{ c.body }}</div>{% endfor %}
{% if preview %}<section class="preview">{{ preview }}</section>{% endif %}
<form method="post"><textarea name="comment"></textarea><button>Post</button></form>
"""


def _results_template(heading):
    return (
        "<!doctype html><title>Results</title>"
        "<h1>" + heading + "</h1>"
        "<table>{% for s in scores %}<tr><td>{{ s.student }}</td><td>{{ s.points }}/{{ quiz.max_points }}</td></tr>{% endfor %}</table>"
    )


@app.route("/quiz/<int:quiz_id>/results")
@login_required
def results(quiz_id):
    quiz = store.quiz(quiz_id)
    if quiz is None or quiz.teacher_id != current_user().id:
        abort(404)
    heading = request.args.get("heading") or f"Results for {quiz.title}"
    page = _results_template(heading)
    return render_template_string(page, quiz=quiz, scores=store.scores(quiz_id))  # VULN flow


@app.route("/quiz/<int:quiz_id>/comments", methods=["GET", "POST"])
@login_required
def comments(quiz_id):
    quiz = store.quiz(quiz_id)
    if quiz is None:
        abort(404)
    preview = None
    if request.method == "POST":
        body = request.form.get("comment", "").strip()
        if not body:
            abort(400)
        if request.form.get("action") == "preview":
            preview = Markup("<p class=\"comment\">" + request.form["comment"] + "</p>")  # VULN
        else:
            store.add_comment(quiz_id, current_user().id, body[:2000])
            log.info("comment added to quiz %d by user %s", quiz_id, current_user().id)
            return redirect(url_for("comments", quiz_id=quiz_id))
    return render_template_string(COMMENTS_PAGE, quiz=quiz, comments=store.comments(quiz_id), preview=preview)
