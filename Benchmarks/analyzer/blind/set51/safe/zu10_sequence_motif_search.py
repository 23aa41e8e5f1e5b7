"""Motif search over the lab's plasmid sequence collection (aiohttp).

POST /motifs/search {"pattern": "GAATTCN", "both_strands": true}
Patterns use IUPAC nucleotide codes (N, R, Y, W, S, ...), which are
translated to character classes before searching.
"""
import logging
from pathlib import Path
import re

from aiohttp import web

log = logging.getLogger("motifs")

SEQ_DIR = Path("/srv/plasmids/fasta")
MAX_HITS = 200
MAX_MOTIF = 64
_COMP = str.maketrans("ACGTN", "TGCAN")
IUPAC = {
    "A": "A", "C": "C", "G": "G", "T": "T", "U": "T", "N": "[ACGT]",
    "R": "[AG]", "Y": "[CT]", "S": "[CG]", "W": "[AT]", "K": "[GT]", "M": "[AC]",
    "B": "[CGT]", "D": "[AGT]", "H": "[ACT]", "V": "[ACG]",
}


def revcomp(seq: str) -> str:
    return seq.translate(_COMP)[::-1]


def iupac_to_regex(motif: str) -> str:
    motif = motif.upper()
    if not motif or len(motif) > MAX_MOTIF or any(ch not in IUPAC for ch in motif):
        raise ValueError("motif must be 1-64 IUPAC nucleotide codes")
    return "".join(IUPAC[ch] for ch in motif)


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
        return re.compile(self.pattern, re.IGNORECASE)

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
    motif = str(body.get("pattern", "")).strip()
    try:
        pattern = iupac_to_regex(motif)
    except ValueError as exc:
        raise web.HTTPBadRequest(text=str(exc))
    search_job = MotifSearch(pattern, bool(body.get("both_strands", True)))
    hits = search_job.run(request.app["sequences"])
    return web.json_response({"pattern": motif, "count": len(hits), "hits": hits})


def make_app() -> web.Application:
    app = web.Application()
    app["sequences"] = load_sequences(SEQ_DIR)
    app.router.add_post("/motifs/search", search)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
