"""Render a static HTML digest of reader comments exported from the blog."""
import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import typer
from jinja2 import Environment, FileSystemLoader, select_autoescape

app = typer.Typer(help="Comment digest builder")

TEMPLATE_DIR = Path(__file__).with_name("templates")


def load_comments(export_file: Path):
    with export_file.open(encoding="utf-8") as fh:
        data = json.load(fh)
    by_post = defaultdict(list)
    for item in data.get("comments", []):
        if item.get("status") != "approved":
            continue
        by_post[item["post_title"]].append(
            {
                "author": item.get("author") or "Anonymous",
                "body": item.get("body", ""),
                "posted": datetime.fromisoformat(item["created_at"]),
            }
        )
    return by_post


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
    )
    env.filters["short_date"] = lambda d: d.strftime("%d %b %Y")
    return env


@app.command()
def build(
    export_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    out_dir: Path = typer.Option(Path("public/digest")),
    title: str = typer.Option("Reader comments this week"),
):
    """Build digest.html from an approved-comments export."""
    comments = load_comments(export_file)
    env = make_environment()
    template = env.get_template("digest.html.j2")
    html = template.render(
        title=title,
        posts=sorted(comments.items()),
        generated=datetime.now(),
        total=sum(len(v) for v in comments.values()),
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "digest.html"
    target.write_text(html, encoding="utf-8")
    typer.echo(f"wrote {target}")


@app.command()
def stats(export_file: Path = typer.Argument(..., exists=True, dir_okay=False)):
    """Print comment counts per post."""
    for post, items in sorted(load_comments(export_file).items()):
        typer.echo(f"{len(items):5d}  {post}")


if __name__ == "__main__":
    app()
