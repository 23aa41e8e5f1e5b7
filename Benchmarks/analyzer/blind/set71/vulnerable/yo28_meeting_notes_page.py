"""Shareable meeting-notes pages.

Each meeting can publish a notes page with a customisable heading line
(e.g. "Weekly sync - {{ date }}") and the notes body written in the
meeting sidebar.
"""
import logging
from datetime import date

from flask import Blueprint, abort, render_template_string, request
from markupsafe import Markup

from .models import Meeting, db

bp = Blueprint("notes", __name__)
log = logging.getLogger("meetings.notes")

NOTES_PAGE = """
<!doctype html>
<title>{{ meeting.title }} - notes</title>
<h1>%s</h1>
<p class="attendees">{{ meeting.attendees|join(', ') }}</p>
<section class="notes">{{ notes }}</section>
"""


def heading_for(meeting: Meeting) -> str:
    return meeting.heading_template or "{{ meeting.title }} - {{ date }}"


@bp.route("/meetings/<int:meeting_id>/notes")
def notes_page(meeting_id):
    meeting = Meeting.query.get_or_404(meeting_id)
    if not meeting.notes_published:
        abort(404)
    page = NOTES_PAGE % heading_for(meeting)
    notes = Markup(meeting.notes_text.replace("\n", "<br>"))  # VULN flow
    return render_template_string(page, meeting=meeting, notes=notes, date=date.today().isoformat())  # VULN flow


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
    return render_template_string("<div class='preview'>{{ body }}</div>", body=Markup(body))  # VULN flow
