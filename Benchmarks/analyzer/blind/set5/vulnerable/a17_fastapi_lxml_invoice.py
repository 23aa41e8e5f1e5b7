from fastapi import FastAPI, HTTPException, Request
from lxml import etree

app = FastAPI()

PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
NS = {"inv": "urn:example:invoice"}


def parse_invoice(payload: bytes):
    root = etree.fromstring(payload, PARSER)  # VULN flow
    return {
        "number": root.findtext("inv:Number", namespaces=NS),
        "total": root.findtext("inv:Total", namespaces=NS),
        "currency": root.findtext("inv:Currency", namespaces=NS),
    }


@app.post("/invoices")
async def upload_invoice(request: Request):
    body = await request.body()
    try:
        invoice = parse_invoice(body)
    except etree.XMLSyntaxError:
        raise HTTPException(status_code=400, detail="invalid invoice document")
    return invoice
