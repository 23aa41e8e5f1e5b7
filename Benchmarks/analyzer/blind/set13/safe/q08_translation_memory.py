"""Translation-memory service: import TMX files and look up stored segments."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("tm")

TM_PATH = os.environ.get("TM_PATH", "/var/lib/tm/memory.tmx")
TMX_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                             huge_tree=False)
_lock = threading.Lock()
LOOKUP_XPATH = etree.XPath(
    "//tu[tuv[@xml:lang='en']/seg/text()=$src]/tuv[@xml:lang=$lang]/seg/text()")


class TranslationMemory:
    def __init__(self, path):
        self.path = path
        self.tree = etree.parse(path, TMX_PARSER) if os.path.exists(path) else etree.ElementTree(
            etree.fromstring(b"<tmx version='1.4'><header/><body/></tmx>", TMX_PARSER))

    def merge(self, other_root):
        body = self.tree.getroot().find("body")
        added = 0
        for tu in other_root.iter("tu"):
            body.append(tu)
            added += 1
        self.tree.write(self.path, encoding="utf-8", xml_declaration=True)
        return added

    def find(self, source_text, target_lang):
        return [str(s) for s in LOOKUP_XPATH(self.tree, src=source_text, lang=target_lang)]


MEMORY = TranslationMemory(TM_PATH)


def parse_tmx(data):
    root = etree.fromstring(data, TMX_PARSER)
    if root.getroottree().docinfo.internalDTD is not None:
        raise ValueError("DTDs are not accepted")
    return root


@app.route("/tm/import", methods=["POST"])
def import_tmx():
    upload = request.files.get("tmx")
    if upload is None:
        abort(400, "no TMX file supplied")
    try:
        root = parse_tmx(upload.read())
    except (etree.XMLSyntaxError, ValueError) as exc:
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
