"""Quick-invoice builder: the draft lives in a cookie until the user saves it."""
import base64
import json
from decimal import Decimal
from typing import List, Optional

from fastapi import Cookie, FastAPI, Response
from pydantic import BaseModel

app = FastAPI(title="quick-invoice")
COOKIE_NAME = "draft_invoice"


class DraftInvoice:
    def __init__(self, customer: str = "", currency: str = "EUR", lines: Optional[List[dict]] = None):
        self.customer = customer
        self.currency = currency
        self.lines = lines or []

    def add_line(self, description: str, qty: str, unit_price: str) -> None:
        self.lines.append({"description": description, "qty": qty, "unit_price": unit_price})

    def total(self) -> Decimal:
        return sum((Decimal(l["qty"]) * Decimal(l["unit_price"]) for l in self.lines), Decimal("0"))

    def as_dict(self) -> dict:
        return {"customer": self.customer, "currency": self.currency, "lines": self.lines, "total": str(self.total())}


def load_draft(raw: Optional[str]) -> DraftInvoice:
    if not raw:
        return DraftInvoice()
    decoded = base64.urlsafe_b64decode(raw.encode()).decode("utf-8")
    data = json.loads(decoded)
    if not isinstance(data, dict):
        return DraftInvoice()
    lines = [
        {"description": str(l.get("description", "")), "qty": str(l.get("qty", "1")), "unit_price": str(l.get("unit_price", "0"))}
        for l in data.get("lines", []) if isinstance(l, dict)
    ]
    return DraftInvoice(str(data.get("customer", "")), str(data.get("currency", "EUR")), lines)


def dump_draft(draft: DraftInvoice) -> str:
    payload = {"customer": draft.customer, "currency": draft.currency, "lines": draft.lines}
    return base64.urlsafe_b64encode(json.dumps(payload).encode("utf-8")).decode()


class LineIn(BaseModel):
    description: str
    qty: str = "1"
    unit_price: str


@app.get("/drafts/current")
def current_draft(draft_invoice: Optional[str] = Cookie(default=None)):
    return load_draft(draft_invoice).as_dict()


@app.post("/drafts/current/lines")
def add_line(line: LineIn, response: Response, draft_invoice: Optional[str] = Cookie(default=None)):
    draft = load_draft(draft_invoice)
    draft.add_line(line.description, line.qty, line.unit_price)
    response.set_cookie(COOKIE_NAME, dump_draft(draft), httponly=True, secure=True, samesite="lax")
    return draft.as_dict()


@app.delete("/drafts/current")
def discard(response: Response):
    response.delete_cookie(COOKIE_NAME)
    return {"discarded": True}
