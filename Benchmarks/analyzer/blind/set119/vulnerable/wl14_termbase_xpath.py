"""Termbase (TBX) lookup service used by the QA checker and the CAT plugin."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

TBX_PATH = os.environ.get("TERMBASE_TBX", "/srv/termbase/master.tbx")
log = logging.getLogger("termbase")
app = Flask(__name__)


class Termbase:
    """Keeps the parsed TBX in memory and reloads it when the file changes."""

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = 0.0
        self.tree = None

    def _load_if_stale(self) -> None:
        mtime = os.path.getmtime(self.path)
        if mtime <= self._mtime:
            return
        with self._lock:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self.tree = etree.parse(self.path, parser)
            self._mtime = mtime
            log.info("termbase reloaded from %s", self.path)

    def lookup(self, term: str, lang: str, target_lang: str) -> list:
        self._load_if_stale()
        expr = (
            "//termEntry[langSet[@xml:lang='%s']/tig/term[normalize-space(text())='%s']]"
            % (lang, term)
        )
        entries = self.tree.xpath(expr)  # VULN flow
        out = []
        for entry in entries:
            targets = entry.xpath("langSet[@xml:lang=$tl]/tig/term/text()", tl=target_lang)
            status = entry.xpath("string(.//termNote[@type='administrativeStatus'])")
            out.append({"id": entry.get("id"), "targets": list(targets), "status": status or None})
        return out


termbase = Termbase(TBX_PATH)


@app.route("/termbase/lookup")
def lookup():
    term = request.args.get("term", "").strip()
    src = request.args.get("src", "en")
    tgt = request.args.get("tgt")
    if not term or not tgt:
        abort(400, "term and tgt are required")
    try:
        hits = termbase.lookup(term, src, tgt)
    except etree.XPathError:
        log.warning("xpath error for term %r", term)
        abort(400, "invalid term")
    return jsonify(term=term, source=src, target=tgt, entries=hits)
