"""Search page for Area Forecast Discussions (AFDs) with hit highlighting."""
import re
import sqlite3

from flask import Flask, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)
DB_PATH = "/var/lib/wxproducts/afd.db"

PAGE = """<!doctype html>
<title>AFD search</title>
<form method="get"><input name="q" value="{{ q }}"><button>Search</button></form>
{{ summary }}
{% for d in results %}
  <article><h4>{{ d.office }} &middot; {{ d.issued }}</h4>{{ d.snippet }}</article>
{% endfor %}
"""


def find_discussions(term: str, limit: int = 25):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT office, issued, body FROM afd WHERE body LIKE ? ORDER BY issued DESC LIMIT ?",
            (f"%{term}%", limit),
        ).fetchall()
    finally:
        conn.close()


def highlight(text: str, term: str, width: int = 240) -> Markup:
    idx = text.lower().find(term.lower())
    start = max(0, idx - width // 2)
    excerpt = str(escape(text[start:start + width]))
    rx = re.compile(re.escape(str(escape(term))), re.IGNORECASE)
    return Markup(rx.sub(lambda m: f"<mark>{m.group(0)}</mark>", excerpt))


def result_summary(term: str, count: int) -> Markup:
    noun = "discussion" if count == 1 else "discussions"
    message = Markup("<p class='summary'>{} {} mention <strong>{}</strong></p>")
    return message.format(count, noun, term)


@app.route("/afd/search")
def search():
    q = request.args.get("q", "").strip()
    results, summary = [], ""
    if len(q) >= 3:
        rows = find_discussions(q)
        results = [
            {"office": r["office"], "issued": r["issued"], "snippet": highlight(r["body"], q)}
            for r in rows
        ]
        summary = result_summary(q, len(results))
    return render_template_string(PAGE, q=q, results=results, summary=summary)
