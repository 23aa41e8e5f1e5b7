"""Shareable meeting-notes pages.

Each meeting can publish a notes page with a customisable heading line
(e.g. "Weekly sync - {date}") and the notes body written in the
meeting sidebar.
"""
import logging
from datetime import date

from flask import Blueprint, abort, render_template_string, request
from markupsafe import Markup, escape

from .models import Meeting, db

bp = Blueprint("notes", __name__)
log = logging.getLogger("meetings.notes")

NOTES_PAGE = """
<!doctype html>
<title>{{ meeting.title }} - notes</title>
<h1>{{ heading }}</h1>
<p class="attendees">{{ meeting.attendees|join(', ') }}</p>
<section class="notes">{{ notes }}</section>
"""


def heading_for(meeting: Meeting) -> str:
    template = meeting.heading_template or "{title} - {date}"
    return template.replace("{title}", meeting.title).replace("{date}", date.today().isoformat())


@bp.route("/meetings/<int:meeting_id>/notes")
def notes_page(meeting_id):
    meeting = Meeting.query.get_or_404(meeting_id)
    if not meeting.notes_published:
        abort(404)
    heading = heading_for(meeting)
    notes = Markup("<br>").join(escape(line) for line in meeting.notes_text.split("\n"))
    return render_template_string(NOTES_PAGE, meeting=meeting, heading=heading, notes=notes)


@bp.route("/meetings/<int:meeting_id>/notes", methods=["POST"])
def update_notes(meeting_id):
    meeting = Meeting.query.get_or_404(meeting_id)
    if request.form.get("heading") is not None:
        meeting.heading_template = request.form["heading"][:200]
    if request.form.get("notes") is not None:
        meeting.notes_text = request.form["notes"]
    meeting.notes_published = request.form.get("publish") == "on"
    db.session.commit()
    log.info("notes updated for meeting %d", meeting_id)
    return {"ok": True}


@bp.route("/meetings/<int:meeting_id>/notes/preview", methods=["POST"])
def preview(meeting_id):
    meeting = Meeting.query.get_or_404(meeting_id)
    body = request.form.get("notes", "")
    return render_template_string("<div class='preview'>{{ body }}</div>", body=body)
