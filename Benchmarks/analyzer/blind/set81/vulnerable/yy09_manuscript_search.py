"""Search-and-flag tool for the manuscript editing workspace (Bottle)."""
import json
import logging
import os
import re

from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("manuscripts.search")
MANUSCRIPT_ROOT = os.environ.get("MANUSCRIPT_ROOT", "/srv/editorial/manuscripts")
MAX_HITS = 500


def load_chapters(book_id):
    book_dir = os.path.join(MANUSCRIPT_ROOT, str(int(book_id)))
    chapters = []
    for name in sorted(os.listdir(book_dir)):
        if name.endswith(".md"):
            with open(os.path.join(book_dir, name), encoding="utf-8") as fh:
                chapters.append((name, fh.read()))
    return chapters


def build_matcher(term, whole_word=False, ignore_case=True):
    pattern = term
    if whole_word:
        pattern = r"\b(?:" + pattern + r")\b"
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(pattern, flags)  # VULN flow


def find_hits(chapters, matcher, context=40):
    hits = []
    for name, text in chapters:
        for m in matcher.finditer(text):
            start = max(m.start() - context, 0)
            hits.append({
                "chapter": name,
                "offset": m.start(),
                "excerpt": text[start:m.end() + context],
            })
            if len(hits) >= MAX_HITS:
                return hits
    return hits


@app.post("/books/<book_id:int>/search")
def search(book_id):
    body = request.json or {}
    term = body.get("term", "")
    if not term or len(term) > 200:
        raise HTTPError(400, "term required")
    try:
        matcher = build_matcher(term, bool(body.get("whole_word")), body.get("ignore_case", True))
    except re.error:
        raise HTTPError(400, "bad search term")
    try:
        chapters = load_chapters(book_id)
    except FileNotFoundError:
        raise HTTPError(404, "no such book")
    hits = find_hits(chapters, matcher)
    log.info("search in book %d returned %d hits", book_id, len(hits))
    response.content_type = "application/json"
    return json.dumps({"book": book_id, "count": len(hits), "hits": hits})
