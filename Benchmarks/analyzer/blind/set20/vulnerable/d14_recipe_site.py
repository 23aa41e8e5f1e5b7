"""Recipe community site: comment threads and customizable share cards."""
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Dict, List

from flask import Flask, abort, request, session
from jinja2 import DictLoader, Environment

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
}

env = Environment(loader=DictLoader(TEMPLATES), autoescape=False)  # VULN


@dataclass
class Recipe:
    slug: str
    title: str
    minutes: int
    owner: str
    card_template: str = ""


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
        if recipe.card_template:
            tmpl = self.env.from_string(recipe.card_template)  # VULN flow
        else:
            tmpl = self.env.get_template("card_default.html")
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
    recipe.card_template = request.form.get("template", "")[:4000]
    return {"ok": True}


@app.get("/r/<slug>/card")
def share_card(slug: str):
    recipe = RECIPES.get(slug) or abort(404)
    return cards.render(recipe)
