"""Eligibility check against the monthly vision-plan roster.

The plan sends an XML roster of covered members each month; the front desk
verifies coverage (exam, lenses, frames allowance) before the appointment.
"""
import logging
import os
import threading

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("eligibility")

ROSTER_PATH = os.environ.get("VISION_ROSTER", "/srv/payers/visionplan/roster.xml")
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"


class RosterIndex:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._mtime = 0.0
        self.tree = None

    def _load(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self.tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self.tree = etree.parse(self.path, parser)
                self._mtime = mtime
        return self.tree

    def find_member(self, member_id: str, last_name: str):
        tree = self._load()
        expr = (
            "/roster/member[@id=$mid and translate(lastName, '%s', '%s')=$surname]"
            % (LOWER, UPPER)
        )
        nodes = tree.xpath(expr, mid=member_id, surname=last_name.upper())
        return nodes[0] if nodes else None


roster = RosterIndex(ROSTER_PATH)


def benefits_of(member) -> dict:
    return {
        "member_id": member.get("id"),
        "plan": member.findtext("plan"),
        "exam_eligible": member.findtext("benefits/exam") == "Y",
        "lens_eligible": member.findtext("benefits/lenses") == "Y",
        "frame_allowance": float(member.findtext("benefits/frameAllowance") or 0),
        "next_eligible": member.findtext("benefits/nextEligible"),
    }


@app.route("/eligibility/vision")
def check_vision_eligibility():
    member_id = request.args.get("member_id", "").strip()
    last_name = request.args.get("last_name", "").strip()
    if not member_id or not last_name:
        return jsonify({"error": "member_id and last_name required"}), 400
    member = roster.find_member(member_id, last_name)
    if member is None:
        return jsonify({"eligible": False}), 404
    return jsonify({"eligible": True, **benefits_of(member)})
