"""Per-shop customisable repair estimate e-mails (FastAPI).

Independent garages on our workshop-management SaaS can edit the wording of
the estimate e-mail sent to their customers; placeholders like
``{{ estimate.total }}`` are filled in at send time.
"""
import logging
import sqlite3
from decimal import Decimal
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException
from jinja2 import Environment, TemplateSyntaxError
from pydantic import BaseModel

log = logging.getLogger("shop.estimates")
DB_PATH = "/var/lib/garage-saas/shops.db"
app = FastAPI(title="estimate-templates")
env = Environment(autoescape=True)

SAMPLE_ESTIMATE = {
    "number": "EST-10442",
    "customer": "Jordan Ellis",
    "vehicle": "2017 Ford Focus 1.0 EcoBoost",
    "lines": [{"desc": "Front brake pads & discs", "amount": Decimal("212.40")},
              {"desc": "Brake fluid change", "amount": Decimal("54.00")}],
    "total": Decimal("266.40"),
}


class TemplateIn(BaseModel):
    subject: str
    body: str


def current_shop(x_shop_id: int = Header(...)) -> int:
    return x_shop_id


def load_template(shop_id: int) -> Optional[sqlite3.Row]:
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT subject, body, shop_name FROM estimate_templates WHERE shop_id = ?",
                            (shop_id,)).fetchone()


def render_estimate(body: str, shop_name: str, estimate: dict) -> str:
    tpl = env.from_string(body)  # VULN flow
    return tpl.render(estimate=estimate, shop={"name": shop_name})


@app.post("/templates/preview")
def preview(data: TemplateIn, shop_id: int = Depends(current_shop)):
    try:
        html_body = render_estimate(data.body, f"Shop {shop_id}", SAMPLE_ESTIMATE)
    except TemplateSyntaxError as exc:
        raise HTTPException(status_code=400, detail=f"template error on line {exc.lineno}")
    return {"subject": data.subject, "html": html_body}


@app.put("/templates")
def save(data: TemplateIn, shop_id: int = Depends(current_shop)):
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("UPDATE estimate_templates SET subject = ?, body = ? WHERE shop_id = ?",
                     (data.subject, data.body, shop_id))
    log.info("shop %d updated its estimate template", shop_id)
    return {"ok": True}


@app.post("/estimates/{number}/render")
def render_for_send(number: str, shop_id: int = Depends(current_shop)):
    row = load_template(shop_id)
    if row is None:
        raise HTTPException(status_code=404, detail="no template configured")
    estimate = dict(SAMPLE_ESTIMATE, number=number)
    return {"subject": row["subject"], "html": render_estimate(row["body"], row["shop_name"], estimate)}
