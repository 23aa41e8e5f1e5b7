"""Triage notes on incidents (soc_portal/triage/views.py).

Notes are written by analysts and by the enrichment bots, which paste in
raw indicator context (URLs, user agents, email subjects).
"""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from .models import Incident, Note

TIME_FMT = "%Y-%m-%d %H:%M UTC"


def _render_note(note: Note) -> str:
    author = note.author.get_username() if note.author else "bot"
    when = note.created.strftime(TIME_FMT)
    body = note.body.replace("\n", "<br>")
    tag = f'<span class="tag">{note.tag}</span>' if note.tag else ""
    return (
        f'<div class="note" id="note-{note.pk}">'
        f'<span class="meta">{author} &middot; {when}</span>{tag}'
        f"<p>{body}</p></div>"
    )


@login_required
def incident_notes(request, incident_id: int):
    incident = get_object_or_404(Incident, pk=incident_id)
    notes = incident.notes.select_related("author").order_by("created")
    notes_html = "".join(_render_note(n) for n in notes)
    return render(request, "triage/notes.html", {
        "incident": incident,
        "notes_html": mark_safe(notes_html),  # VULN flow
        "note_count": notes.count(),
    })


@login_required
@require_POST
def add_note(request, incident_id: int):
    incident = get_object_or_404(Incident, pk=incident_id)
    body = request.POST.get("body", "").strip()
    if body:
        Note.objects.create(
            incident=incident,
            author=request.user,
            body=body[:10000],
            tag=request.POST.get("tag", "")[:32],
        )
    return redirect("triage:notes", incident_id=incident.pk)


@login_required
def incident_summary(request, incident_id: int):
    incident = get_object_or_404(Incident, pk=incident_id)
    return render(request, "triage/summary.html", {
        "incident": incident,
        "latest": incident.notes.order_by("-created").first(),
    })
