"""Falcon API for user-defined feed filters ("hide posts where ...").

Filters are small Python predicates typed into the "Advanced filters" box;
they are stored per user and applied when the home feed is assembled.
"""
import json
import logging

import falcon

log = logging.getLogger("feed_filters")

MAX_RULE_LEN = 400
RULES = {}  # user_id -> list of {"name", "source"}


class CompiledRule:
    def __init__(self, name, source):
        self.name = name
        self.source = source
        self._fn = None

    def compile(self):
        namespace = {}
        body = "def predicate(post):\n    return bool(" + self.source + ")\n"
        exec(body, {"__builtins__": {"len": len, "any": any, "all": all}}, namespace)  # VULN flow
        self._fn = namespace["predicate"]
        return self

    def __call__(self, post):
        return self._fn(post)


def apply_filters(user_id, posts):
    rules = [CompiledRule(r["name"], r["source"]).compile() for r in RULES.get(user_id, [])]
    return [p for p in posts if not any(rule(p) for rule in rules)]


class FilterCollection:
    def on_get(self, req, resp, user_id):
        resp.text = json.dumps({"filters": RULES.get(user_id, [])})

    def on_post(self, req, resp, user_id):
        data = req.get_media()
        name = str(data.get("name", "")).strip()[:60]
        source = str(data.get("rule", "")).strip()
        if not name or not source or len(source) > MAX_RULE_LEN:
            raise falcon.HTTPBadRequest(description="name and rule (<=400 chars) required")
        try:
            CompiledRule(name, source).compile()
        except SyntaxError:
            raise falcon.HTTPBadRequest(description="rule does not parse")
        RULES.setdefault(user_id, []).append({"name": name, "source": source})
        resp.status = falcon.HTTP_201
        resp.text = json.dumps({"saved": name})


class FeedPreview:
    def on_post(self, req, resp, user_id):
        posts = req.get_media().get("posts", [])
        visible = apply_filters(user_id, posts)
        resp.text = json.dumps({"visible": [p.get("id") for p in visible]})


app = falcon.App()
app.add_route("/users/{user_id}/filters", FilterCollection())
app.add_route("/users/{user_id}/feed/preview", FeedPreview())
