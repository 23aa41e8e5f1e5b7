import logging
import uuid

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError

from .billing import BillingService, CardDeclined

app = FastAPI(title="subscriptions")
logger = logging.getLogger("subscriptions")


class PlanChange(BaseModel):
    subscription_id: int
    plan_code: str = Field(pattern=r"^[a-z0-9_]{2,32}$")
    prorate: bool = True


def get_billing():
    return BillingService.from_env()


def describe_failure(exc):
    return {
        "error": "internal_error",
        "error_id": uuid.uuid4().hex,
    }


@app.exception_handler(SQLAlchemyError)
async def db_error_handler(request: Request, exc: SQLAlchemyError):
    details = describe_failure(exc)
    logger.error("database error path=%r error_id=%s", request.url.path, details["error_id"], exc_info=exc)
    return JSONResponse(status_code=500, content=details)


@app.exception_handler(CardDeclined)
async def declined_handler(request: Request, exc: CardDeclined):
    return JSONResponse(
        status_code=402,
        content={"error": "card_declined", "decline_code": exc.code},
    )


@app.post("/subscriptions/change-plan")
async def change_plan(body: PlanChange, billing: BillingService = Depends(get_billing)):
    result = await billing.change_plan(
        body.subscription_id, body.plan_code, prorate=body.prorate
    )
    logger.info("plan changed subscription=%s plan=%s", body.subscription_id, body.plan_code)
    return {
        "subscription_id": body.subscription_id,
        "plan_code": result.plan_code,
        "next_invoice_amount": result.next_invoice_amount,
        "currency": result.currency,
    }


@app.get("/healthz")
async def healthz():
    return {"status": "ok"}
