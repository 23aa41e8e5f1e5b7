"""Controlled-vocabulary lookup used by the cataloguing client's autocomplete.

Vocabularies (materials, techniques, object names) are exported nightly from
the thesaurus manager as JSON lists of concepts.
"""
import functools
import json
import os
import re

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="Vocabulary lookup")
VOCAB_DIR = os.environ.get("VOCAB_DIR", "/srv/vocab")
SCHEMES = {"materials", "techniques", "object-names", "places"}


@functools.lru_cache(maxsize=8)
def load_terms(scheme: str) -> list:
    with open(os.path.join(VOCAB_DIR, f"{scheme}.json"), encoding="utf-8") as fh:
        return json.load(fh)


def matcher(pattern: str, whole_word: bool, case_sensitive: bool):
    pattern = re.escape(pattern)
    if whole_word:
        pattern = rf"\b(?:{pattern})\b"
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(pattern, flags)


def labels_for(term: dict) -> list:
    return [term["pref_label"], *term.get("alt_labels", []), *term.get("hidden_labels", [])]


@app.get("/vocab/{scheme}/search")
def search(
    scheme: str,
    q: str = Query(..., min_length=2, max_length=200),
    whole_word: bool = False,
    case_sensitive: bool = False,
    limit: int = Query(20, ge=1, le=100),
):
    if scheme not in SCHEMES:
        raise HTTPException(status_code=404, detail="unknown vocabulary")
    try:
        rx = matcher(q, whole_word, case_sensitive)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"bad pattern: {exc}")

    hits = []
    for term in load_terms(scheme):
        matched = [label for label in labels_for(term) if rx.search(label)]
        if matched:
            hits.append({
                "id": term["id"],
                "pref_label": term["pref_label"],
                "matched": matched,
                "broader": term.get("broader"),
            })
            if len(hits) >= limit:
                break
    return {"scheme": scheme, "query": q, "results": hits}


@app.get("/vocab/{scheme}/{term_id}")
def concept(scheme: str, term_id: str):
    if scheme not in SCHEMES:
        raise HTTPException(status_code=404, detail="unknown vocabulary")
    for term in load_terms(scheme):
        if term["id"] == term_id:
            return term
    raise HTTPException(status_code=404, detail="unknown concept")
