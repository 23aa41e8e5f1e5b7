"""Renders a lightweight HTML seat map for the ushers' tablets."""
from dataclasses import dataclass, field
from typing import Dict, List

from flask import Flask, Response, abort, request
from markupsafe import escape

app = Flask(__name__)


@dataclass
class Seat:
    row: str
    number: int
    status: str = "free"
    note: str = ""


@dataclass
class Section:
    name: str
    seats: List[Seat] = field(default_factory=list)


# Populated from the ticketing DB by a background sync job.
SECTIONS: Dict[str, Section] = {}

STATUS_CLASS = {"free": "s-free", "held": "s-held", "sold": "s-sold", "kill": "s-kill"}


def seat_cell(seat: Seat) -> str:
    css = STATUS_CLASS.get(seat.status, "s-free")
    title = f"{seat.row}{seat.number}"
    if seat.note:
        title += " - " + seat.note
    return f'<td class="{css}" title="{escape(title)}">{seat.number}</td>'


def render_rows(section: Section) -> str:
    rows: Dict[str, List[Seat]] = {}
    for seat in section.seats:
        rows.setdefault(seat.row, []).append(seat)
    out = []
    for row_label in sorted(rows):
        cells = "".join(seat_cell(s) for s in sorted(rows[row_label], key=lambda s: s.number))
        out.append(f"<tr><th>{escape(row_label)}</th>{cells}</tr>")
    return "\n".join(out)


@app.route("/seatmap/<section_id>")
def seatmap(section_id: str):
    section = SECTIONS.get(section_id)
    if section is None:
        abort(404)
    label = request.args.get("label", "")
    heading = f"<h2>{escape(section.name)}</h2>"
    if label:
        heading += f"<p class='sub'>Showing: {escape(label)}</p>"
    page = (
        "<!doctype html><html><head><link rel='stylesheet' href='/static/seatmap.css'>"
        f"</head><body>{heading}<table>{render_rows(section)}</table></body></html>"
    )
    return Response(page, mimetype="text/html")


@app.post("/seatmap/<section_id>/note")
def add_note(section_id: str):
    section = SECTIONS.get(section_id)
    if section is None:
        abort(404)
    row, number = request.form["row"], int(request.form["number"])
    for seat in section.seats:
        if seat.row == row and seat.number == number:
            seat.note = request.form.get("note", "")[:200]
            return {"ok": True}
    abort(404)
