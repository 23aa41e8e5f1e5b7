"""Translation-memory service: import TMX files and look up stored segments."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("tm")

TM_PATH = os.environ.get("TM_PATH", "/var/lib/tm/memory.tmx")
TMX_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
_lock = threading.Lock()


class TranslationMemory:
    def __init__(self, path):
        self.path = path
        self.tree = etree.parse(path) if os.path.exists(path) else etree.ElementTree(
            etree.fromstring(b"<tmx version='1.4'><header/><body/></tmx>"))

    def merge(self, other_root):
        body = self.tree.getroot().find("body")
        added = 0
        for tu in other_root.iter("tu"):
            body.append(tu)
            added += 1
        self.tree.write(self.path, encoding="utf-8", xml_declaration=True)
        return added

    def find(self, source_text, target_lang):
        expr = ("//tu[tuv[@xml:lang='en']/seg/text()='" + source_text + "']"
                "/tuv[@xml:lang='" + target_lang + "']/seg/text()")
        return [str(s) for s in self.tree.xpath(expr)]  # VULN flow


MEMORY = TranslationMemory(TM_PATH)


def parse_tmx(data):
    return etree.fromstring(data, TMX_PARSER)  # VULN flow


@app.route("/tm/import", methods=["POST"])
def import_tmx():
    upload = request.files.get("tmx")
    if upload is None:
        abort(400, "no TMX file supplied")
    try:
        root = parse_tmx(upload.read())
    except etree.XMLSyntaxError as exc:
        abort(400, f"invalid TMX: {exc}")
    with _lock:
        added = MEMORY.merge(root)
    log.info("imported %d translation units", added)
    return jsonify({"imported": added})


@app.route("/tm/lookup")
def lookup():
    segment = request.args.get("segment", "")
    lang = request.args.get("lang", "de")
    if not segment:
        abort(400, "segment is required")
    with _lock:
        matches = MEMORY.find(segment, lang)
    return jsonify({"segment": segment, "lang": lang, "matches": matches})
