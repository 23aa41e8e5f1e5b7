from flask import Blueprint, request
from markupsafe import escape

from .search import run_search

bp = Blueprint("search", __name__)


def _highlight(text, term):
    safe_text = str(escape(text))
    safe_term = str(escape(term))
    if not safe_term:
        return safe_text
    return safe_text.replace(safe_term, f"<mark>{safe_term}</mark>")


@bp.get("/search/snippet")
def snippet():
    term = request.args.get("q", "")
    results = run_search(term, limit=10)
    items = []
    for hit in results:
        items.append(
            '<li><a href="/articles/{}">{}</a><p>{}</p></li>'.format(
                int(hit.id), escape(hit.title), _highlight(hit.excerpt, term)
            )
        )
    if not items:
        return f"<p>No results for <em>{escape(term)}</em></p>"
    return "<ul class='results'>" + "".join(items) + "</ul>"
