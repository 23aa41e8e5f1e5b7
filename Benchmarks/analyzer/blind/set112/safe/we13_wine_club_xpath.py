"""Wine-club pickup lookups backed by the nightly XML export from the club CRM."""
import logging
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("club.pickups")

EXPORT_PATH = os.environ.get("CLUB_EXPORT", "/srv/club/members.xml")


class MemberStore:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
            return self._tree


store = MemberStore(EXPORT_PATH)


def find_member(email: str, zip_code: str):
    expr = "//member[email=$email and address/zip=$zip and status='active']"
    matches = store.tree().xpath(expr, email=email, zip=zip_code)
    return matches[0] if matches else None


def allocation_for(member) -> list:
    return [
        {
            "wine": a.findtext("wine"),
            "vintage": a.findtext("vintage"),
            "bottles": int(a.findtext("bottles") or 0),
            "picked_up": a.get("picked") == "true",
        }
        for a in member.iterfind("allocations/allocation")
    ]


@app.post("/club/pickup-status")
def pickup_status():
    body = request.get_json(silent=True) or {}
    email = str(body.get("email", "")).strip().lower()
    zip_code = str(body.get("zip", "")).strip()
    if not email or not zip_code:
        abort(400, "email and zip are required")
    member = find_member(email, zip_code)
    if member is None:
        abort(404, "no active membership found")
    return jsonify({
        "member": member.findtext("name"),
        "tier": member.get("tier"),
        "allocations": allocation_for(member),
    })
