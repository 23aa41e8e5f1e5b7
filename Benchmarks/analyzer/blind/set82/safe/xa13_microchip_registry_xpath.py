"""Public microchip lookup for found pets.

The national registry ships us a nightly XML export; finders enter a chip
number (and optionally a country) and get back the contact clinic only.
"""
import logging
import os
import threading

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("chip_lookup")

EXPORT_PATH = os.environ.get("CHIP_EXPORT", "/var/lib/registry/chips.xml")


class ChipRegistry:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = None
        self.tree = None

    def _refresh(self):
        mtime = os.path.getmtime(self.path)
        if mtime != self._mtime:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self.tree = etree.parse(self.path, parser)
            self._mtime = mtime
            log.info("reloaded chip export (%s)", self.path)

    def lookup(self, chip_number: str, country: str = None) -> list:
        with self._lock:
            self._refresh()
        query = "//registration[chip/@number=$chip]"
        variables = {"chip": chip_number}
        if country:
            query += "[owner/@country=$country]"
            variables["country"] = country
        matches = self.tree.xpath(query, **variables)
        return [
            {
                "chip": reg.find("chip").get("number"),
                "species": reg.findtext("animal/species"),
                "clinic": reg.findtext("contact/clinic"),
                "clinic_phone": reg.findtext("contact/phone"),
            }
            for reg in matches
        ]


registry = ChipRegistry(EXPORT_PATH)


@app.route("/chips/lookup")
def lookup_chip():
    chip = request.args.get("chip", "").replace(" ", "")
    country = request.args.get("country")
    if not chip:
        return jsonify({"error": "chip number required"}), 400
    try:
        found = registry.lookup(chip, country)
    except etree.XPathError:
        return jsonify({"error": "invalid lookup"}), 400
    if not found:
        return jsonify({"found": False}), 404
    return jsonify({"found": True, "registrations": found})


if __name__ == "__main__":
    app.run(port=5060)
