"""Receives XML result documents pushed by the reference laboratory and
attaches them to the matching patient visit."""
import logging
import os

from aiohttp import web
from lxml import etree

log = logging.getLogger("labresults")

LAB_TOKEN = os.environ.get("LAB_PUSH_TOKEN", "")
RESULT_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


def extract_results(root) -> dict:
    accession = root.findtext("accession")
    patient_ref = root.findtext("patient/reference")
    analytes = []
    for node in root.iterfind("panel/analyte"):
        analytes.append({
            "code": node.get("code"),
            "name": node.findtext("name"),
            "value": node.findtext("value"),
            "unit": node.findtext("unit"),
            "flag": node.get("flag", "N"),
        })
    return {"accession": accession, "patient": patient_ref, "analytes": analytes}


async def store_results(app: web.Application, results: dict) -> None:
    async with app["db"].acquire() as conn:
        await conn.execute(
            "INSERT INTO lab_results (accession, patient_ref, payload) VALUES ($1, $2, $3)",
            results["accession"], results["patient"], results,
        )


async def receive_results(request: web.Request) -> web.Response:
    if request.headers.get("X-Lab-Token") != LAB_TOKEN or not LAB_TOKEN:
        raise web.HTTPUnauthorized()
    if request.content_type not in ("application/xml", "text/xml"):
        raise web.HTTPUnsupportedMediaType()
    body = await request.read()
    try:
        root = etree.fromstring(body, RESULT_PARSER)  # VULN flow
    except etree.XMLSyntaxError as exc:
        log.warning("malformed lab document: %r", str(exc))
        raise web.HTTPBadRequest(text="malformed XML")
    results = extract_results(root)
    if not results["accession"]:
        raise web.HTTPUnprocessableEntity(text="missing accession")
    await store_results(request.app, results)
    log.info("stored %d analytes for accession %r", len(results["analytes"]), results["accession"])
    return web.json_response({"accepted": results["accession"], "analytes": len(results["analytes"])})


def create_app() -> web.Application:
    app = web.Application(client_max_size=2 * 1024 * 1024)
    app.router.add_post("/lab/results", receive_results)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8085)
