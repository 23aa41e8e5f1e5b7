"""Dependency scanner endpoint: upload a pom.xml, get back its coordinates.

Used by the "check my dependencies" page of the artifact registry.
"""
import logging
from typing import Dict, List, Optional

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("scanner.maven")

POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
MAX_POM_BYTES = 2 * 1024 * 1024


class PomParser:
    def __init__(self) -> None:
        self.parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)

    @staticmethod
    def _text(node, path: str) -> Optional[str]:
        found = node.find(path, POM_NS)
        return found.text.strip() if found is not None and found.text else None

    def parse(self, data: bytes) -> Dict[str, object]:
        root = etree.fromstring(data, self.parser)  # VULN flow
        props = {}
        for prop in root.findall("m:properties/*", POM_NS):
            props[etree.QName(prop).localname] = (prop.text or "").strip()
        deps: List[Dict[str, Optional[str]]] = []
        for dep in root.findall(".//m:dependencies/m:dependency", POM_NS):
            version = self._text(dep, "m:version")
            if version and version.startswith("${"):
                version = props.get(version[2:-1], version)
            deps.append({
                "groupId": self._text(dep, "m:groupId"),
                "artifactId": self._text(dep, "m:artifactId"),
                "version": version,
                "scope": self._text(dep, "m:scope") or "compile",
            })
        return {
            "project": {
                "groupId": self._text(root, "m:groupId"),
                "artifactId": self._text(root, "m:artifactId"),
                "version": self._text(root, "m:version"),
            },
            "dependencies": deps,
        }


pom_parser = PomParser()


@app.route("/api/scan/maven", methods=["POST"])
def scan_pom():
    upload = request.files.get("pom")
    if upload is None:
        return jsonify(error="missing 'pom' file"), 400
    data = upload.read(MAX_POM_BYTES + 1)
    if len(data) > MAX_POM_BYTES:
        return jsonify(error="pom too large"), 413
    try:
        result = pom_parser.parse(data)
    except etree.XMLSyntaxError as exc:
        return jsonify(error=f"invalid XML: {exc}"), 400
    log.info("scanned pom with %d dependencies", len(result["dependencies"]))
    return jsonify(result)
