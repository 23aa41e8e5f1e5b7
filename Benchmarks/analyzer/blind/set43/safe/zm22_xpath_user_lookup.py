"""Legacy user directory exposed over HTTP.

The directory is still an XML file exported nightly from the old HR system;
this Flask blueprint answers lookups for the intranet phone book.
"""
import logging
import os
import threading

from flask import Blueprint, jsonify, request
from lxml import etree

bp = Blueprint("phonebook", __name__)
log = logging.getLogger(__name__)

DIRECTORY_XML = os.environ.get("DIRECTORY_XML", "/srv/hr-export/users.xml")


class UserDirectory:
    _lock = threading.Lock()

    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0

    @property
    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
        return self._tree

    def find(self, criteria: dict) -> list:
        conditions = [f"{field}=${field}" for field in criteria]
        expr = "/directory/user[" + " and ".join(conditions) + "]"
        nodes = self.tree.xpath(expr, **criteria)
        return [self._to_dict(n) for n in nodes]

    @staticmethod
    def _to_dict(node) -> dict:
        return {
            "login": node.findtext("login"),
            "name": node.findtext("fullname"),
            "phone": node.findtext("phone"),
            "office": node.findtext("office"),
        }


directory = UserDirectory(DIRECTORY_XML)
SEARCHABLE = ("login", "office", "department")


@bp.route("/phonebook/search")
def search():
    criteria = {f: request.args[f] for f in SEARCHABLE if request.args.get(f)}
    if not criteria:
        return jsonify(error="provide at least one of: " + ", ".join(SEARCHABLE)), 400
    try:
        users = directory.find(criteria)
    except etree.XPathError as exc:
        log.warning("xpath error: %s", exc)
        return jsonify(error="bad query"), 400
    return jsonify(results=users[:100])
