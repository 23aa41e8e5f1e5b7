"""Gene-to-genome-browser link service used in variant reports.

Report PDFs link to ``/locus/<GENE>`` so that the browser and build can be
changed without regenerating reports.
"""
import csv
import logging
import os
from urllib.parse import urlencode

from bottle import Bottle, abort, redirect, request

app = Bottle()
log = logging.getLogger("locus-links")

GENE_TABLE = os.environ.get("GENE_TABLE", "/data/reference/genes_hg38.tsv")
DEFAULT_BROWSER = "https://genome.ucsc.edu/cgi-bin/hgTracks"
BUILDS = {"hg19", "hg38", "t2t"}


def load_gene_index(path):
    index = {}
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            index[row["symbol"].upper()] = (row["chrom"], int(row["start"]), int(row["end"]))
    return index


GENE_INDEX = load_gene_index(GENE_TABLE)


def browser_url(base, build, coords, padding=0):
    chrom, start, end = coords
    query = urlencode({"db": build, "position": f"{chrom}:{max(1, start - padding)}-{end + padding}"})
    return f"{base}?{query}"


@app.get("/locus/<gene>")
def locus(gene):
    coords = GENE_INDEX.get(gene.upper())
    if coords is None:
        abort(404, "unknown gene")
    build = request.query.get("build", "hg38")
    if build not in BUILDS:
        abort(400, "unsupported build")
    base = request.query.get("browser") or DEFAULT_BROWSER
    target = browser_url(base, build, coords, padding=int(request.query.get("pad", 1000)))
    redirect(target)  # VULN flow


@app.get("/out")
def outbound():
    log.info("outbound link followed from report %r", request.query.get("report"))
    redirect(request.query.get("u") or "/")  # VULN


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
