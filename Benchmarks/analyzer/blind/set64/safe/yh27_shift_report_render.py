"""Shift handover report page.

Shift leads can customise the header block of the handover report (shown on
the line TV and printed for the morning meeting). The header text supports
a few placeholders like {line} and {shift}.
"""
import datetime as dt
import logging
import string

from flask import Flask, abort, render_template_string, request

from mes.reports import load_shift_summary, load_header_text, save_header_text

app = Flask(__name__)
log = logging.getLogger("mes.handover")

PAGE = """
<!doctype html>
<html><head><title>Handover {{ line }} / {{ shift }}</title></head>
<body>
<header><h1>{{ header }}</h1></header>
<table>
{% for row in summary %}
<tr><td>{{ row.wo }}</td><td>{{ row.product }}</td><td>{{ row.good }}</td><td>{{ row.scrap }}</td></tr>
{% endfor %}
</table>
</body></html>
"""


def current_shift(now=None):
    now = now or dt.datetime.now()
    if 6 <= now.hour < 14:
        return "A"
    if 14 <= now.hour < 22:
        return "B"
    return "C"


def build_header(header_text, line, shift):
    return string.Template(header_text.replace("{line}", "$line").replace("{shift}", "$shift")) \
        .safe_substitute(line=line, shift=shift)


@app.route("/handover/<line>/header", methods=["POST"])
def update_header(line):
    text = request.form.get("header", "")
    if len(text) > 2000:
        abort(413)
    save_header_text(line, text)
    return {"saved": True}


@app.route("/handover/<line>")
def handover(line):
    shift = request.args.get("shift") or current_shift()
    header_text = load_header_text(line) or "{line} - shift {shift}"
    summary = load_shift_summary(line, shift)
    header = build_header(header_text, line, shift)
    return render_template_string(PAGE, line=line, shift=shift, summary=summary, header=header)
