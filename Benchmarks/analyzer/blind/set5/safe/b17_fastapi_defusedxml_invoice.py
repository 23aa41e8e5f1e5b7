from defusedxml import ElementTree as DET
from defusedxml.common import DefusedXmlException
from fastapi import FastAPI, HTTPException, Request

app = FastAPI()

NS = {"inv": "urn:example:invoice"}


def parse_invoice(payload: bytes):
    root = DET.fromstring(payload)
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
    except (DET.ParseError, DefusedXmlException):
        raise HTTPException(status_code=400, detail="invalid invoice document")
    return invoice
