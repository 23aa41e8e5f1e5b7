"""'Am I registered?' lookup against the nightly voter-roll XML export."""
import logging
import os
import threading
from datetime import date

from lxml import etree
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ROLL_PATH = os.environ.get("VOTER_ROLL_XML", "/srv/elections/roll/current.xml")
log = logging.getLogger("voter_lookup")


class RollCache:
    """Keeps the parsed roll in memory and reloads it when the export changes."""

    def __init__(self, path: str):
        self.path = path
        self._mtime = 0.0
        self._tree = None
        self._lock = threading.Lock()

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
                log.info("voter roll reloaded")
            return self._tree


ROLL = RollCache(ROLL_PATH)

VOTER_XPATH = "//voter[lastName=$last and birthDate=$dob and residence/zip=$zip]"


def voter_query(last_name: str, birth_date: str, zip_code: str) -> dict:
    return {"last": last_name.upper(), "dob": birth_date, "zip": zip_code}


async def lookup(request: Request):
    data = await request.json()
    last = str(data.get("last_name", "")).strip()
    zip_code = str(data.get("zip", "")).strip()
    try:
        dob = date.fromisoformat(str(data.get("birth_date", ""))).isoformat()
    except ValueError:
        return JSONResponse({"error": "birth_date must be YYYY-MM-DD"}, status_code=400)
    if not last or not zip_code:
        return JSONResponse({"error": "last_name and zip are required"}, status_code=400)

    params = voter_query(last, dob, zip_code)
    matches = ROLL.tree().xpath(VOTER_XPATH, **params)
    if not matches:
        return JSONResponse({"registered": False})
    voter = matches[0]
    return JSONResponse({
        "registered": True,
        "status": voter.findtext("status"),
        "precinct": voter.findtext("precinct"),
        "polling_place": voter.findtext("pollingPlace/name"),
    })


app = Starlette(routes=[Route("/api/voter/lookup", lookup, methods=["POST"])])
