"""Newsletter composer for the magazine's subscriber mailings."""
import logging
from datetime import date
from typing import Dict, List, Literal

from fastapi import APIRouter, Depends, HTTPException
from jinja2 import Environment, TemplateSyntaxError
from pydantic import BaseModel, Field, HttpUrl

from .auth import Editor, require_editor
from .subscribers import SubscriberStore, get_store

log = logging.getLogger(__name__)
router = APIRouter(prefix="/newsletters", tags=["newsletters"])
jinja = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)

ARTICLE_LOOP = (
    "{% for a in articles %}<h2><a href=\"{{ a.url }}\">{{ a.headline }}</a></h2>"
    "<p>{{ a.teaser }}</p>{% endfor %}"
)
TEMPLATES = {
    "weekly": "<h1>This week at the magazine</h1><p>Hello {{ subscriber.first_name }},</p>"
    + ARTICLE_LOOP + "<p class=\"footer\">Issue of {{ issue_date }}</p>",
    "breaking": "<h1>Breaking</h1>" + ARTICLE_LOOP,
    "digest": "<p>{{ subscriber.first_name }}, your digest for {{ issue_date }}:</p>" + ARTICLE_LOOP,
}


class Article(BaseModel):
    headline: str = Field(max_length=200)
    url: HttpUrl
    teaser: str = Field(default="", max_length=600)


class NewsletterDraft(BaseModel):
    subject: str = Field(max_length=150)
    template: Literal["weekly", "breaking", "digest"] = "weekly"
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


def render_issue(template_name: str, context: Dict) -> str:
    return jinja.from_string(TEMPLATES[template_name]).render(**context)


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
