import os

from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

DOCKET_FILE = os.environ.get("DOCKET_FILE", "/srv/court/docket.xml")


class DocketIndex:
    def __init__(self, path):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self._tree = etree.parse(path, parser)
        self.loaded_from = path

    def by_party(self, party_name):
        expr = "//case[not(@sealed='true')][parties/party[@name='%s']]" % party_name
        return self._tree.xpath(expr)  # VULN flow

    def by_number(self, number):
        return self._tree.xpath("//case[not(@sealed='true')][@number=$num]", num=number)


def serialize_case(node):
    return {
        "number": node.get("number"),
        "court": node.findtext("court"),
        "filed": node.findtext("filed"),
        "parties": [p.get("name") for p in node.iterfind("parties/party")],
        "hearings": [h.get("date") for h in node.iterfind("hearings/hearing")],
    }


async def search_cases(request):
    party = request.query_params.get("party", "").strip()
    if not party:
        return JSONResponse({"error": "party required"}, status_code=400)
    index: DocketIndex = request.app.state.docket
    cases = [serialize_case(c) for c in index.by_party(party)]
    return JSONResponse({"party": party, "count": len(cases), "cases": cases})


async def case_detail(request):
    index: DocketIndex = request.app.state.docket
    matches = index.by_number(request.path_params["number"])
    if not matches:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(serialize_case(matches[0]))


async def startup():
    app.state.docket = DocketIndex(DOCKET_FILE)


app = Starlette(
    routes=[
        Route("/cases", search_cases),
        Route("/cases/{number}", case_detail),
    ],
    on_startup=[startup],
)
