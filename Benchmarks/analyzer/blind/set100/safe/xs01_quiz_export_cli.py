"""Export quiz banks to printable handouts with pandoc.

Quiz banks are JSON files in the shared content repository, contributed by
tutors through the authoring UI.  This tool renders one bank to Markdown and
hands it to pandoc to produce a PDF/DOCX/HTML handout.
"""
import argparse
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

log = logging.getLogger("quiz_export")

PANDOC = os.environ.get("PANDOC_BIN", "pandoc")
FORMATS = ("pdf", "docx", "html")


def load_quiz(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def render_markdown(quiz: dict) -> str:
    lines = [f"# {quiz.get('title', 'Untitled quiz')}", ""]
    for number, question in enumerate(quiz.get("questions", []), start=1):
        lines.append(f"{number}. {question['prompt']}")
        for choice in question.get("choices", []):
            lines.append(f"    - {choice}")
        lines.append("")
    return "\n".join(lines)


def output_name(quiz: dict, override: Optional[str]) -> str:
    if override:
        raw = override
    else:
        # authors pick a slug such as "spanish-a2-preterite" when saving a bank
        raw = quiz.get("slug") or quiz.get("title", "quiz").lower().replace(" ", "-")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", raw).strip(".-") or "quiz"


def build_command(src: Path, out_base: str, fmt: str, lang: str) -> List[str]:
    parts = [PANDOC, str(src), "-o", f"{out_base}.{fmt}", f"--metadata=lang:{lang}"]
    if fmt == "pdf":
        parts.append("--pdf-engine=xelatex")
    return parts


def export(quiz_path: Path, override: Optional[str], fmt: str) -> int:
    quiz = load_quiz(quiz_path)
    md_path = quiz_path.with_suffix(".md")
    md_path.write_text(render_markdown(quiz), encoding="utf-8")
    cmd = build_command(md_path, output_name(quiz, override), fmt, quiz.get("language", "en"))
    log.info("running: %r", cmd)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log.error("pandoc failed (%d): %s", proc.returncode, proc.stderr.strip())
    else:
        log.info("wrote handout for %s", quiz_path.name)
    return proc.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Render a quiz bank to a handout.")
    parser.add_argument("quizzes", nargs="+", type=Path)
    parser.add_argument("--out", help="output base name (single quiz only)")
    parser.add_argument("--format", default="pdf", choices=FORMATS)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    if args.out and len(args.quizzes) > 1:
        parser.error("--out can only be used with a single quiz")
    failures = 0
    for path in args.quizzes:
        if export(path, args.out, args.format) != 0:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
