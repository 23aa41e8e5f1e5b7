"""Import translated string bundles (YAML) delivered by localisation vendors."""
import json
import logging
import os
import re
from pathlib import Path

import click
import yaml

log = logging.getLogger("l10n.import")

SUPPORTED = {"de", "fr", "es", "it", "ja", "pt-BR", "zh-Hans"}
CATALOG_DIR = Path(os.environ.get("I18N_CATALOG_DIR", "locales"))
PLACEHOLDER_RE = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")


def read_bundle(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    if not isinstance(data, dict):
        raise click.ClickException(f"{path.name}: top level must be a mapping")
    return data


def flatten(tree: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in tree.items():
        full = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            flat.update(flatten(value, full))
        else:
            flat[full] = "" if value is None else str(value)
    return flat


def compare(strings: dict, reference: dict) -> dict:
    report = {"missing": [], "extra": [], "placeholders": []}
    report["missing"] = sorted(set(reference) - set(strings))
    report["extra"] = sorted(set(strings) - set(reference))
    for key in set(strings) & set(reference):
        if set(PLACEHOLDER_RE.findall(strings[key])) != set(PLACEHOLDER_RE.findall(reference[key])):
            report["placeholders"].append(key)
    return report


@click.command()
@click.argument("bundle", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--locale", required=True, type=click.Choice(sorted(SUPPORTED)))
@click.option("--reference", type=click.Path(exists=True, path_type=Path),
              default=CATALOG_DIR / "en.json", show_default=True)
@click.option("--dry-run", is_flag=True)
def main(bundle: Path, locale: str, reference: Path, dry_run: bool):
    """Validate BUNDLE against the English catalogue and install it."""
    logging.basicConfig(level=logging.INFO)
    strings = flatten(read_bundle(bundle))
    ref = json.loads(reference.read_text(encoding="utf-8"))
    report = compare(strings, ref)
    for kind, keys in report.items():
        if keys:
            click.echo(f"{kind}: {len(keys)} (e.g. {', '.join(keys[:5])})")
    if report["placeholders"]:
        raise click.ClickException("placeholder mismatches; send back to vendor")
    if dry_run:
        return
    target = CATALOG_DIR / f"{locale}.json"
    target.write_text(json.dumps(strings, ensure_ascii=False, indent=2, sort_keys=True),
                      encoding="utf-8")
    click.echo(f"installed {len(strings)} strings into {target}")


if __name__ == "__main__":
    main()
