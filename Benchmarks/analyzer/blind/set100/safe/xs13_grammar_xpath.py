"""Grammar reference lookup for the tutoring app.

Reference books are maintained as XML, one file per language:
<grammar><topic name="subjunctive" level="B1" draft="false">
  <summary>...</summary><body>...</body><teacher-notes>...</teacher-notes>
</topic>...</grammar>
"""
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from lxml import etree

app = FastAPI(title="grammar-reference")

REFERENCE_DIR = Path(os.environ.get("GRAMMAR_DIR", "/srv/tutor/grammar"))
BOOKS = {"es": "spanish.xml", "fr": "french.xml", "de": "german.xml", "it": "italian.xml"}


@lru_cache(maxsize=8)
def load_reference(lang: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(REFERENCE_DIR / BOOKS[lang]), parser)


def topic_query(level: Optional[str], text: Optional[str]) -> str:
    conditions = ["not(@draft='true')"]
    if level:
        conditions.append("@level=$level")
    if text:
        conditions.append("contains(@name, $text)")
    return "//topic[" + " and ".join(conditions) + "]"


def topic_to_dict(node, with_body: bool = False) -> dict:
    item = {"name": node.get("name"), "level": node.get("level"), "summary": node.findtext("summary", default="")}
    if with_body:
        item["body"] = "".join(node.itertext()).strip()
    return item


def book(lang: str):
    if lang not in BOOKS:
        raise HTTPException(status_code=404, detail="unknown language")
    return load_reference(lang)


@app.get("/grammar/{lang}/topics")
def list_topics(
    lang: str,
    level: Optional[str] = Query(None, max_length=4),
    q: Optional[str] = Query(None, max_length=80),
):
    tree = book(lang)
    nodes = tree.xpath(topic_query(level, q), level=level or "", text=q or "")
    return [topic_to_dict(n) for n in nodes[:50]]


@app.get("/grammar/{lang}/topics/{name}")
def get_topic(lang: str, name: str):
    tree = book(lang)
    nodes = tree.xpath("//topic[@name=$name and not(@draft='true')]", name=name)
    if not nodes:
        raise HTTPException(status_code=404, detail="no such topic")
    return [topic_to_dict(n, with_body=True) for n in nodes]
