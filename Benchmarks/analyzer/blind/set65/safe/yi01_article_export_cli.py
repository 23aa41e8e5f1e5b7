#!/usr/bin/env python3
"""Export CMS articles to PDF/EPUB/DOCX using pandoc."""
import argparse
import json
import logging
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List

log = logging.getLogger("article_export")

PANDOC = os.environ.get("PANDOC_BIN", "pandoc")
EXPORT_ROOT = Path(os.environ.get("EXPORT_ROOT", "/var/lib/cms/exports"))
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,120}")


@dataclass
class Article:
    slug: str
    title: str
    author: str
    body_path: Path


def load_article(manifest: Path) -> Article:
    data = json.loads(manifest.read_text(encoding="utf-8"))
    slug = data["slug"]
    if not SLUG_RE.fullmatch(slug):
        raise KeyError("slug")
    body_name = data["body"]
    if Path(body_name).name != body_name:
        raise KeyError("body")
    return Article(
        slug=slug,
        title=data.get("title", slug),
        author=data.get("author", "Staff"),
        body_path=manifest.parent / body_name,
    )


def build_metadata_flags(article: Article) -> List[str]:
    parts = [
        "--metadata", f"title={article.title}",
        "--metadata", f"author={article.author}",
        "--metadata", "lang=en-GB",
    ]
    return parts


def export(article: Article, fmt: str, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{article.slug}.{fmt}"
    cmd = [PANDOC, str(article.body_path), "-o", str(target), *build_metadata_flags(article)]
    log.debug("pandoc command prepared for %s", article.slug)
    subprocess.run(cmd, check=True)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("manifests", nargs="+", type=Path, help="article manifest.json files")
    parser.add_argument("--format", choices=("pdf", "epub", "docx"), default="pdf")
    parser.add_argument("--out", type=Path, default=EXPORT_ROOT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    failures = 0
    for manifest in args.manifests:
        try:
            article = load_article(manifest)
            print(export(article, args.format, args.out))
        except (KeyError, json.JSONDecodeError) as exc:
            log.error("bad manifest %s: %r", manifest, exc)
            failures += 1
        except subprocess.CalledProcessError as exc:
            log.error("pandoc failed for %s (exit %s)", manifest, exc.returncode)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
