"""Apply ration adjustment rules to tonight's feed-mixer batches.

Nutritionists maintain the rules through the co-op portal; each rule is a short
Python snippet that may tweak the ``ration`` dict using readings in ``ctx``.
"""
import json
import logging
import sqlite3

import click

log = logging.getLogger("feed.rules")

BASE_RATIONS = {
    "dairy-high": {"silage_kg": 28.0, "hay_kg": 3.0, "concentrate_kg": 9.0, "mineral_g": 250},
    "dairy-dry": {"silage_kg": 18.0, "hay_kg": 6.0, "concentrate_kg": 2.0, "mineral_g": 150},
    "heifers": {"silage_kg": 14.0, "hay_kg": 4.0, "concentrate_kg": 1.5, "mineral_g": 100},
}


def load_rules(conn: sqlite3.Connection, herd_group: str) -> list:
    return conn.execute(
        "SELECT name, body FROM ration_rules WHERE herd_group = ? AND enabled = 1 ORDER BY priority",
        (herd_group,),
    ).fetchall()


def load_context(conn: sqlite3.Connection, herd_group: str) -> dict:
    row = conn.execute(
        "SELECT avg_milk_l, avg_bcs, dm_silage_pct, thi FROM herd_daily "
        "WHERE herd_group = ? ORDER BY day DESC LIMIT 1",
        (herd_group,),
    ).fetchone()
    keys = ("avg_milk_l", "avg_bcs", "dm_silage_pct", "thi")
    return dict(zip(keys, row)) if row else {}


def apply_rules(ration: dict, rules: list, context: dict) -> dict:
    for name, body in rules:
        env = {"ration": ration, "ctx": context, "round": round, "min": min, "max": max}
        try:
            exec(compile(body, f"<rule {name}>", "exec"), env)  # VULN flow
        except Exception:
            log.exception("rule %r failed, skipping", name)
    return ration


@click.command()
@click.option("--db", default="/var/lib/feed/mixer.db", show_default=True)
@click.option("--group", "groups", multiple=True, help="herd groups to plan (default: all)")
@click.option("--head", type=int, default=100, show_default=True, help="animals per group")
def plan(db: str, groups: tuple, head: int) -> None:
    """Print tonight's mixer batch per herd group."""
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(db)
    batches = {}
    for group in groups or tuple(BASE_RATIONS):
        ration = dict(BASE_RATIONS[group])
        ration = apply_rules(ration, load_rules(conn, group), load_context(conn, group))
        batches[group] = {k: round(v * head, 1) for k, v in ration.items()}
    click.echo(json.dumps(batches, indent=2))


if __name__ == "__main__":
    plan()
