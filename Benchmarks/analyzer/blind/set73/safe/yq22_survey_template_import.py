"""Import survey templates that customers uploaded through the builder's "import" dialog."""
import json
import logging
import os
from pathlib import Path

import click
import yaml

log = logging.getLogger("surveys.import")

UPLOAD_ROOT = Path(os.environ.get("SURVEY_UPLOAD_ROOT", "/srv/survey-uploads"))
REQUIRED_KEYS = {"title", "questions"}
QUESTION_TYPES = {"nps", "rating", "choice", "text"}


def iter_template_files(folder: Path):
    for path in sorted(folder.glob("*.y*ml")):
        if path.is_file():
            yield path


def load_template(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or not REQUIRED_KEYS <= data.keys():
        raise ValueError(f"{path.name}: missing title/questions")
    return data


def normalise(template: dict) -> dict:
    questions = []
    for idx, q in enumerate(template["questions"], start=1):
        qtype = q.get("type", "text")
        if qtype not in QUESTION_TYPES:
            raise ValueError(f"question {idx}: unknown type {qtype!r}")
        questions.append({"id": f"q{idx}", "type": qtype, "label": str(q.get("label", ""))[:300],
                          "options": [str(o) for o in q.get("options", [])][:20]})
    return {"title": str(template["title"])[:200], "questions": questions,
            "locale": template.get("locale", "en")}


@click.command()
@click.argument("account_id")
@click.option("--dry-run", is_flag=True, help="Validate only, do not write output.")
@click.option("--out", type=click.Path(file_okay=False), default="imported")
def import_templates(account_id, dry_run, out):
    """Validate and convert ACCOUNT_ID's uploaded YAML templates into builder JSON."""
    folder = UPLOAD_ROOT / account_id / "templates"
    if not folder.is_dir():
        raise click.ClickException(f"no uploads for account {account_id}")
    ok = failed = 0
    for path in iter_template_files(folder):
        try:
            tpl = normalise(load_template(path))
        except (ValueError, yaml.YAMLError) as exc:
            click.echo(f"skip {path.name}: {exc}", err=True)
            failed += 1
            continue
        if not dry_run:
            Path(out).mkdir(parents=True, exist_ok=True)
            (Path(out) / f"{path.stem}.json").write_text(json.dumps(tpl, indent=2))
        ok += 1
    click.echo(f"imported {ok} template(s), {failed} failed")


if __name__ == "__main__":
    import_templates()
