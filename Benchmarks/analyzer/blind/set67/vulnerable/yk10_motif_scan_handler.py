"""Tornado endpoint that scans reference contigs for sequence motifs (primer design tool)."""
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("motif-scan")

FASTA_PATH = os.environ.get("MOTIF_FASTA", "/data/reference/amplicons.fa")
MAX_HITS = 1000


class SequenceStore:
    def __init__(self, fasta_path):
        self._seqs = {}
        name, chunks = None, []
        with open(fasta_path) as fh:
            for line in fh:
                line = line.strip()
                if line.startswith(">"):
                    if name:
                        self._seqs[name] = "".join(chunks)
                    name, chunks = line[1:].split()[0], []
                elif line:
                    chunks.append(line.upper())
        if name:
            self._seqs[name] = "".join(chunks)

    def get(self, name):
        return self._seqs.get(name)

    def names(self):
        return sorted(self._seqs)


class MotifSearchHandler(tornado.web.RequestHandler):
    def initialize(self, store):
        self.store = store

    def post(self):
        try:
            payload = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "invalid JSON")
        contig = payload.get("contig", "")
        seq = self.store.get(contig)
        if seq is None:
            raise tornado.web.HTTPError(404, "unknown contig")
        motif = str(payload.get("motif", ""))
        if not motif:
            raise tornado.web.HTTPError(400, "motif required")
        pattern = self._build_pattern(motif, bool(payload.get("overlapping", False)))
        regex = re.compile(pattern, re.IGNORECASE)  # VULN flow
        hits = [{"start": m.start(), "match": m.group(m.lastindex or 0)} for m in regex.finditer(seq)]
        self.write({"contig": contig, "total": len(hits), "hits": hits[:MAX_HITS]})

    @staticmethod
    def _build_pattern(motif, overlapping):
        if overlapping:
            return f"(?=({motif}))"
        return motif


class ContigListHandler(tornado.web.RequestHandler):
    def initialize(self, store):
        self.store = store

    def get(self):
        self.write({"contigs": self.store.names()})


def make_app():
    store = SequenceStore(FASTA_PATH)
    return tornado.web.Application([
        (r"/motifs/search", MotifSearchHandler, {"store": store}),
        (r"/motifs/contigs", ContigListHandler, {"store": store}),
    ])


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
