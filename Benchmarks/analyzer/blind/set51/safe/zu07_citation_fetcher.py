"""Resolve DOIs to BibTeX for the group's shared reference manager."""
import logging
from urllib.parse import quote

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="labrefs citation resolver")
log = logging.getLogger("citations")

RESOLVERS = {
    "doi.org": "https://doi.org",
    "crossref": "https://api.crossref.org/works",
    "datacite": "https://data.datacite.org/application/x-bibtex",
}
DEFAULT_RESOLVER = "doi.org"
HEADERS = {
    "Accept": "application/x-bibtex; charset=utf-8",
    "User-Agent": "labrefs/1.4 (mailto:refs-admin@lab.example.org)",
}


class CitationRequest(BaseModel):
    doi: str
    resolver: str = DEFAULT_RESOLVER
    style: str = "bibtex"


def build_lookup_url(req: CitationRequest) -> str:
    base = RESOLVERS.get(req.resolver)
    if base is None:
        raise HTTPException(status_code=400, detail="unknown resolver")
    return f"{base}/{quote(req.doi.strip(), safe='/')}"


def fetch_bibtex(url: str) -> str:
    resp = requests.get(url, headers=HEADERS, timeout=10, allow_redirects=True)
    resp.raise_for_status()
    return resp.text


def normalise_key(bibtex: str, doi: str) -> str:
    head, brace, rest = bibtex.partition("{")
    if not brace:
        return bibtex
    key, comma, body = rest.partition(",")
    new_key = doi.split("/")[-1].replace(".", "_")
    return f"{head}{{{new_key}{comma}{body}" if comma else bibtex


@app.post("/citations/bibtex")
def resolve(req: CitationRequest):
    if not req.doi.startswith("10."):
        raise HTTPException(status_code=400, detail="not a DOI")
    url = build_lookup_url(req)
    try:
        bib = fetch_bibtex(url)
    except requests.RequestException as exc:
        log.warning("lookup failed for %r: %r", req.doi, exc)
        raise HTTPException(status_code=502, detail="resolver error")
    return {"doi": req.doi, "bibtex": normalise_key(bib, req.doi)}
