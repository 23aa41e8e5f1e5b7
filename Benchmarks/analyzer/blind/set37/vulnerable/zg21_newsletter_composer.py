"""Newsletter composer for the magazine's subscriber mailings."""
import logging
from datetime import date
from typing import Dict, List

from fastapi import APIRouter, Depends, HTTPException
from jinja2 import Environment, TemplateSyntaxError
from pydantic import BaseModel, Field, HttpUrl

from .auth import Editor, require_editor
from .subscribers import SubscriberStore, get_store

log = logging.getLogger(__name__)
router = APIRouter(prefix="/newsletters", tags=["newsletters"])
jinja = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


class Article(BaseModel):
    headline: str = Field(max_length=200)
    url: HttpUrl
    teaser: str = Field(default="", max_length=600)


class NewsletterDraft(BaseModel):
    subject: str = Field(max_length=150)
    template: str = Field(max_length=20000)
    segment: str = Field(default="all", max_length=40)
    articles: List[Article] = []


class RenderedPreview(BaseModel):
    subject: str
    html: str
    recipients: int


def issue_context(draft: NewsletterDraft, subscriber) -> Dict:
    return {
        "subscriber": subscriber,
        "articles": [{"headline": a.headline, "url": str(a.url), "teaser": a.teaser} for a in draft.articles],
        "issue_date": date.today().isoformat(),
    }


def render_issue(template_source: str, context: Dict) -> str:
    return jinja.from_string(template_source).render(**context)  # VULN flow


@router.post("/preview", response_model=RenderedPreview)
def preview(
    draft: NewsletterDraft,
    store: SubscriberStore = Depends(get_store),
    editor: Editor = Depends(require_editor),
):
    sample = store.sample_subscriber(draft.segment)
    if sample is None:
        raise HTTPException(status_code=404, detail="segment has no subscribers")
    try:
        html = render_issue(draft.template, issue_context(draft, sample))
    except TemplateSyntaxError as exc:
        raise HTTPException(status_code=422, detail=f"template error on line {exc.lineno}")
    log.info("newsletter preview by %r for segment %r", editor.email, draft.segment)
    return RenderedPreview(subject=draft.subject, html=html, recipients=store.count(draft.segment))
