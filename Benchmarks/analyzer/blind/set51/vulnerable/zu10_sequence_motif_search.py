"""Motif search over the lab's plasmid sequence collection (aiohttp).

POST /motifs/search {"pattern": "GAATTC", "both_strands": true}
Patterns are regular expressions so power users can write things like
``TATA[AT]A[AT]`` or ``GG.{2,6}CC``.
"""
import logging
from pathlib import Path
import re

from aiohttp import web

log = logging.getLogger("motifs")

SEQ_DIR = Path("/srv/plasmids/fasta")
MAX_HITS = 200
_COMP = str.maketrans("ACGTN", "TGCAN")


def revcomp(seq: str) -> str:
    return seq.translate(_COMP)[::-1]


def load_sequences(directory: Path) -> dict:
    seqs = {}
    for fasta in sorted(directory.glob("*.fa*")):
        name, chunks = None, []
        for line in fasta.read_text().splitlines():
            if line.startswith(">"):
                if name:
                    seqs[name] = "".join(chunks).upper()
                name, chunks = line[1:].split()[0], []
            elif line.strip():
                chunks.append(line.strip())
        if name:
            seqs[name] = "".join(chunks).upper()
    return seqs


class MotifSearch:
    def __init__(self, pattern: str, both_strands: bool = True):
        self.pattern = pattern
        self.both_strands = both_strands

    def compiled(self):
        return re.compile(self.pattern, re.IGNORECASE)  # VULN flow

    def run(self, seqs: dict) -> list:
        rx = self.compiled()
        hits = []
        for name, seq in seqs.items():
            targets = [("+", seq)]
            if self.both_strands:
                targets.append(("-", revcomp(seq)))
            for strand, s in targets:
                for m in rx.finditer(s):
                    hits.append({"seq": name, "strand": strand,
                                 "start": m.start(), "end": m.end(), "match": m.group(0)})
                    if len(hits) >= MAX_HITS:
                        return hits
        return hits


async def search(request: web.Request) -> web.Response:
    body = await request.json()
    pattern = str(body.get("pattern", "")).strip()
    if not pattern:
        raise web.HTTPBadRequest(text="pattern required")
    search_job = MotifSearch(pattern, bool(body.get("both_strands", True)))
    try:
        hits = search_job.run(request.app["sequences"])
    except re.error as exc:
        raise web.HTTPBadRequest(text=f"invalid pattern: {exc}")
    return web.json_response({"pattern": pattern, "count": len(hits), "hits": hits})


def make_app() -> web.Application:
    app = web.Application()
    app["sequences"] = load_sequences(SEQ_DIR)
    app.router.add_post("/motifs/search", search)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
