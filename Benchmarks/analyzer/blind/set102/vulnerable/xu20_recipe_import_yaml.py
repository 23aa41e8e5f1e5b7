"""Import supplier recipe cards (YAML) into the central kitchen database.

Suppliers publish recipe cards with yields, allergens and ingredient lists;
chefs import them with:

    recipes import https://portal.supplier.example/cards/spring.yaml
    recipes import ./downloads/*.yaml --dry-run
"""
import logging
import sqlite3

import click
import requests
import yaml

log = logging.getLogger("kitchen.recipes")
REQUIRED_KEYS = {"code", "name", "yield", "ingredients"}


def fetch_document(source: str) -> str:
    if source.startswith(("http://", "https://")):
        resp = requests.get(source, timeout=30)
        resp.raise_for_status()
        return resp.text
    with open(source, encoding="utf-8") as fh:
        return fh.read()


def parse_recipes(document: str) -> list:
    data = yaml.load(document, Loader=yaml.Loader)  # VULN flow
    if isinstance(data, dict):
        data = data.get("recipes", [])
    recipes = []
    for item in data or []:
        missing = REQUIRED_KEYS - set(item)
        if missing:
            log.warning("skipping recipe without %s", ", ".join(sorted(missing)))
            continue
        recipes.append(item)
    return recipes


def save_recipe(conn: sqlite3.Connection, recipe: dict) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO recipes (code, name, yield_portions, allergens) VALUES (?, ?, ?, ?)",
        (recipe["code"], recipe["name"], int(recipe["yield"]), ",".join(recipe.get("allergens", []))),
    )
    conn.execute("DELETE FROM recipe_lines WHERE recipe_code = ?", (recipe["code"],))
    for line in recipe["ingredients"]:
        conn.execute(
            "INSERT INTO recipe_lines (recipe_code, sku, qty, unit) VALUES (?, ?, ?, ?)",
            (recipe["code"], line["sku"], float(line["qty"]), line.get("unit", "g")),
        )


@click.group()
@click.option("--db", default="/var/lib/kitchen/recipes.db", show_default=True)
@click.pass_context
def cli(ctx, db):
    logging.basicConfig(level=logging.INFO)
    ctx.obj = {"db": db}


@cli.command("import")
@click.argument("sources", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Parse only, don't write to the database.")
@click.pass_context
def import_cmd(ctx, sources, dry_run):
    conn = sqlite3.connect(ctx.obj["db"])
    imported = 0
    for source in sources:
        recipes = parse_recipes(fetch_document(source))
        click.echo(f"{source}: {len(recipes)} recipe(s)")
        if dry_run:
            continue
        with conn:
            for recipe in recipes:
                save_recipe(conn, recipe)
                imported += 1
    click.echo(f"imported {imported} recipes")


if __name__ == "__main__":
    cli()
