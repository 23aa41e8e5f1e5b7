"""Club admin tool: search the member roster with pattern matching."""
import json
import logging
import re
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("roster.search")

ROSTER_FILE = "/var/lib/clubs/roster.json"
SEARCHABLE_FIELDS = ("name", "email", "team", "membership_no")


def load_roster(club_id: str) -> list:
    with open(ROSTER_FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    return data.get(club_id, [])


@dataclass
class MemberQuery:
    pattern: str
    field: str = "name"
    limit: int = 25

    @classmethod
    def from_args(cls, args) -> "MemberQuery":
        field = args.get("field", "name")
        if field not in SEARCHABLE_FIELDS:
            field = "name"
        limit = min(args.get("limit", 25, type=int), 200)
        return cls(pattern=args.get("q", "")[:100], field=field, limit=limit)

    def compile(self):
        return re.compile(re.escape(self.pattern), re.IGNORECASE)

    def run(self, members: list) -> list:
        rx = self.compile()
        hits = []
        for m in members:
            value = str(m.get(self.field, ""))
            if rx.search(value):
                hits.append(m)
                if len(hits) >= self.limit:
                    break
        return hits


@app.get("/clubs/<club_id>/members/search")
def member_search(club_id):
    q = MemberQuery.from_args(request.args)
    if not q.pattern:
        abort(400, "q is required")
    try:
        hits = q.run(load_roster(club_id))
    except re.error:
        abort(400, "bad pattern")
    log.info("roster search in %r matched %d", club_id, len(hits))
    return jsonify({
        "count": len(hits),
        "members": [{k: m.get(k) for k in SEARCHABLE_FIELDS} for m in hits],
    })
