"""Knowledge-base search page with keyword highlighting.

Articles are community-edited (wiki style); bodies are stored as plain text.
"""
import logging
import re

from flask import Flask, render_template_string, request
from markupsafe import Markup

from .kb import search_articles

app = Flask(__name__)
log = logging.getLogger("kb.search")

SNIPPET_CHARS = 240

RESULTS_TEMPLATE = """
{% extends "base.html" %}
{% block content %}
  <form action="/kb/search"><input name="q" value="{{ query }}"></form>
  {% for hit in hits %}
    <article>
      <h3><a href="/kb/{{ hit.slug }}">{{ hit.title }}</a></h3>
      <p>{{ hit.snippet }}</p>
    </article>
  {% else %}
    <p>No articles found.</p>
  {% endfor %}
{% endblock %}
"""


class Highlighter:
    def __init__(self, query: str, regex_mode: bool = False):
        self.query = query
        self.regex_mode = regex_mode

    def pattern(self):
        source = self.query if self.regex_mode else re.escape(self.query)
        return re.compile(source, re.IGNORECASE)  # VULN flow

    def snippet(self, body: str) -> str:
        rx = self.pattern()
        m = rx.search(body)
        start = max(0, m.start() - SNIPPET_CHARS // 2) if m else 0
        excerpt = body[start:start + SNIPPET_CHARS]
        marked = rx.sub(lambda mm: f"<mark>{mm.group(0)}</mark>", excerpt)
        return Markup(marked)  # VULN flow


@app.get("/kb/search")
def kb_search():
    query = request.args.get("q", "").strip()
    regex_mode = request.args.get("mode") == "regex"
    hits = []
    if query:
        hl = Highlighter(query, regex_mode)
        for article in search_articles(query, limit=20):
            hits.append({
                "slug": article.slug,
                "title": article.title,
                "snippet": hl.snippet(article.body),
            })
    log.info("kb search %r -> %d hits", query, len(hits))
    return render_template_string(RESULTS_TEMPLATE, query=query, hits=hits)
