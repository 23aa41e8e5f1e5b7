"""Editorial QA rules: checks that run on an article draft before it is published."""
import logging
import re
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qa_rules")

MAX_EXPRESSION = 500


@dataclass
class Rule:
    name: str
    expression: str
    severity: str = "warning"


DEFAULT_RULES = [
    Rule("long_headline", "len(headline) > 110"),
    Rule("missing_byline", "not byline", "error"),
    Rule("short_opinion", "section == 'opinion' and word_count < 400"),
    Rule("no_images", "image_count == 0 and section != 'briefing'"),
]


def article_context(article: dict) -> dict:
    body = article.get("body", "")
    return {
        "headline": article.get("headline", ""),
        "byline": article.get("byline", ""),
        "section": article.get("section", ""),
        "word_count": len(re.findall(r"\w+", body)),
        "image_count": len(article.get("images", [])),
        "len": len,
    }


def evaluate_rule(rule: Rule, ctx: dict) -> bool:
    if len(rule.expression) > MAX_EXPRESSION:
        raise ValueError("expression too long")
    return bool(eval(rule.expression, {"__builtins__": {}}, ctx))  # VULN flow


def run_rules(rules, article: dict) -> list:
    ctx = article_context(article)
    findings = []
    for rule in rules:
        try:
            if evaluate_rule(rule, ctx):
                findings.append({"rule": rule.name, "severity": rule.severity})
        except Exception as exc:
            findings.append(
                {"rule": rule.name, "severity": "error", "detail": f"rule failed: {type(exc).__name__}"}
            )
    return findings


@app.post("/api/qa/check")
def check_article():
    payload = request.get_json(force=True) or {}
    article = payload.get("article", {})
    custom = [
        Rule(r["name"], r["expression"], r.get("severity", "warning"))
        for r in payload.get("rules", [])
    ]
    findings = run_rules(DEFAULT_RULES + custom, article)
    blocked = any(f["severity"] == "error" for f in findings)
    return jsonify(findings=findings, blocked=blocked)


@app.get("/api/qa/rules")
def list_rules():
    return jsonify([vars(r) for r in DEFAULT_RULES])
