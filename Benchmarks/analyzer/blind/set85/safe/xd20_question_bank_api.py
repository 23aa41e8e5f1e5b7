"""Practice-question API backed by the XML question bank.

The bank holds both practice questions and the sealed exam pool; only the
practice pool is exposed through this API.
"""
import logging
import os
import random
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from lxml import etree

log = logging.getLogger("quiz.bank")
app = FastAPI(title="question-bank")

BANK_PATH = os.environ.get("QUESTION_BANK", "/srv/mooc/banks/cs101.xml")


class QuestionBank:
    def __init__(self, path: str):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    def practice_questions(self, topic: str, difficulty: Optional[str]) -> list:
        expr = "//question[@pool='practice'][@topic=$topic]"
        if difficulty:
            expr += "[@difficulty=$difficulty]"
        return self.tree.xpath(expr, topic=topic, difficulty=difficulty or "")

    @staticmethod
    def to_dict(node) -> dict:
        return {
            "id": node.get("id"),
            "topic": node.get("topic"),
            "difficulty": node.get("difficulty"),
            "stem": (node.findtext("stem") or "").strip(),
            "choices": [
                {"key": c.get("key"), "text": (c.text or "").strip()}
                for c in node.findall("choices/choice")
            ],
        }


bank = QuestionBank(BANK_PATH)


@app.get("/practice/questions")
def practice(
    topic: str = Query(..., min_length=1, max_length=64),
    difficulty: Optional[str] = Query(None, max_length=16),
    count: int = Query(5, ge=1, le=20),
):
    nodes = bank.practice_questions(topic, difficulty)
    if not nodes:
        raise HTTPException(status_code=404, detail="no questions for topic")
    picked = random.sample(nodes, min(count, len(nodes)))
    return {"topic": topic, "questions": [QuestionBank.to_dict(n) for n in picked]}
