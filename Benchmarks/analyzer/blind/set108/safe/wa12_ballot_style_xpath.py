"""Sample-ballot lookup: maps a precinct (and party, in partisan primaries)
to its ballot style using the EML-like ballot definition export."""
import logging
import os
from typing import Optional

import bottle
from bottle import HTTPError, request, response
from lxml import etree

log = logging.getLogger("ballot_styles")
app = bottle.Bottle()

DEFINITION_PATH = os.environ.get("BALLOT_DEFINITION", "/srv/elections/current/ballot_styles.xml")


class BallotStyleCatalog:
    def __init__(self, path: str):
        self.path = path
        self.tree = etree.parse(path)

    def styles_for(self, precinct: str, party: Optional[str] = None) -> list:
        expr = "//ballotStyle[precinct/@code=$precinct]"
        variables = {"precinct": precinct}
        if party:
            expr += "[@party=$party]"
            variables["party"] = party
        return self.tree.xpath(expr, **variables)

    @staticmethod
    def describe(style) -> dict:
        return {
            "style_id": style.get("id"),
            "party": style.get("party"),
            "contests": [
                {"id": c.get("id"), "title": c.findtext("title"), "vote_for": int(c.get("voteFor", "1"))}
                for c in style.iterfind("contest")
            ],
        }


catalog = BallotStyleCatalog(DEFINITION_PATH)


@app.get("/sample-ballot")
def sample_ballot():
    precinct = request.query.get("precinct", "").strip()
    party = request.query.get("party") or None
    if not precinct:
        raise HTTPError(400, "precinct is required")
    styles = catalog.styles_for(precinct, party)
    if not styles:
        raise HTTPError(404, "no ballot style for that precinct")
    response.content_type = "application/json"
    return {"precinct": precinct, "styles": [catalog.describe(s) for s in styles]}


@app.post("/admin/reload")
def reload_catalog():
    global catalog
    catalog = BallotStyleCatalog(DEFINITION_PATH)
    log.info("reloaded ballot styles from %s", DEFINITION_PATH)
    return {"reloaded": True}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
