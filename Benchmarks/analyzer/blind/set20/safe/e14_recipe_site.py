"""Recipe community site: comment threads and customizable share cards."""
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Dict, List

from flask import Flask, abort, request, session
from jinja2 import DictLoader, Environment, select_autoescape

app = Flask(__name__)
app.secret_key = os.environ["RECIPES_SECRET_KEY"]

TEMPLATES = {
    "thread.html": """
<article class="recipe">
  <h1>{{ recipe.title }}</h1>
  <ul class="comments">
  {% for c in comments %}
    <li><b>{{ c.author }}</b> <time>{{ c.posted.strftime('%d %b') }}</time><p>{{ c.body }}</p></li>
  {% endfor %}
  </ul>
</article>""",
    "card_default.html": "<div class='card'><h2>{{ recipe.title }}</h2><p>{{ recipe.minutes }} min</p></div>",
    "card_compact.html": "<div class='card compact'>{{ recipe.title }} &middot; {{ recipe.minutes }}'</div>",
    "card_photo.html": "<figure class='card'><figcaption>{{ recipe.title }}</figcaption></figure>",
}
CARD_STYLES = {"default": "card_default.html", "compact": "card_compact.html", "photo": "card_photo.html"}

env = Environment(loader=DictLoader(TEMPLATES), autoescape=select_autoescape(default=True))


@dataclass
class Recipe:
    slug: str
    title: str
    minutes: int
    owner: str
    card_template: str = "default"


@dataclass
class Comment:
    author: str
    body: str
    posted: datetime = field(default_factory=datetime.utcnow)


RECIPES: Dict[str, Recipe] = {
    "shakshuka": Recipe("shakshuka", "Weeknight Shakshuka", 30, "amira"),
}
COMMENTS: Dict[str, List[Comment]] = {"shakshuka": []}


class CardRenderer:
    def __init__(self, environment: Environment):
        self.env = environment

    def render(self, recipe: Recipe) -> str:
        name = CARD_STYLES.get(recipe.card_template, CARD_STYLES["default"])
        tmpl = self.env.get_template(name)
        return tmpl.render(recipe=recipe)


cards = CardRenderer(env)


@app.get("/r/<slug>")
def thread(slug: str):
    recipe = RECIPES.get(slug) or abort(404)
    return env.get_template("thread.html").render(recipe=recipe, comments=COMMENTS[slug])


@app.post("/r/<slug>/comments")
def add_comment(slug: str):
    if slug not in RECIPES:
        abort(404)
    body = request.form.get("body", "").strip()[:2000]
    COMMENTS[slug].append(Comment(author=request.form.get("author", "anon")[:40], body=body))
    return "", 201


@app.post("/r/<slug>/card")
def set_card(slug: str):
    recipe = RECIPES.get(slug) or abort(404)
    if session.get("username") != recipe.owner:
        abort(403)
    style = request.form.get("template", "default")
    if style not in CARD_STYLES:
        abort(400)
    recipe.card_template = style
    return {"ok": True}


@app.get("/r/<slug>/card")
def share_card(slug: str):
    recipe = RECIPES.get(slug) or abort(404)
    return cards.render(recipe)
