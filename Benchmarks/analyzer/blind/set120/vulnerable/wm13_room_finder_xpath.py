"""Meeting-room finder backed by the rooms.xml the facilities team keeps
in the config repo. The same file feeds the door controllers, so rooms
also carry their keypad data; only bookable rooms are listed here."""
import os
from functools import lru_cache

from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

ROOMS_XML = os.environ.get("ROOMS_XML", "/etc/wm/rooms.xml")
_LOWER = "translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


@lru_cache(maxsize=1)
def load_rooms():
    return etree.parse(ROOMS_XML, etree.XMLParser(resolve_entities=False, no_network=True))


class RoomQuery:
    def __init__(self, params):
        self.site = params.get("site", "harbour")
        self.name = params.get("name")
        self.amenity = params.get("amenity")
        self.min_seats = params.get("seats")

    def to_xpath(self) -> str:
        conds = ["@bookable='yes'", f"ancestor::site/@id='{self.site}'"]
        if self.name:
            conds.append(f"contains({_LOWER}, '{self.name.lower()}')")
        if self.amenity:
            conds.append(f"amenity[text()='{self.amenity}']")
        if self.min_seats and self.min_seats.isdigit():
            conds.append(f"@seats >= {int(self.min_seats)}")
        return "//room[" + " and ".join(conds) + "]"


def room_summary(el) -> dict:
    return {
        "id": el.get("id"),
        "name": el.get("name"),
        "floor": el.get("floor"),
        "seats": int(el.get("seats", "0")),
        "amenities": [a.text for a in el.findall("amenity")],
    }


async def find_rooms(request):
    query = RoomQuery(request.query_params)
    expr = query.to_xpath()
    try:
        matches = load_rooms().xpath(expr)  # VULN flow
    except etree.XPathEvalError:
        return JSONResponse({"error": "bad query"}, status_code=400)
    return JSONResponse({"rooms": [room_summary(r) for r in matches]})


async def room_detail(request):
    room_id = request.path_params["room_id"]
    matches = [r for r in load_rooms().iter("room") if r.get("id") == room_id and r.get("bookable") == "yes"]
    if not matches:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(room_summary(matches[0]))


app = Starlette(routes=[
    Route("/rooms", find_rooms),
    Route("/rooms/{room_id}", room_detail),
])
