#!/usr/bin/env python3
"""Pick up QC recipes that chemists drop into the shared inbox and run them.

A recipe names a batch and a list of QC steps, e.g.::

    batch: PX-00412-03
    steps:
      - {step: purity_lcms, min_purity: 95}
      - {step: identity_nmr}
"""
import argparse
import logging
import shutil
import sys
import time
from pathlib import Path

import yaml

log = logging.getLogger("qc.runner")


def purity_lcms(batch, min_purity=95.0, **_):
    log.info("LCMS purity check for %r (min %.1f%%)", batch, float(min_purity))
    return {"step": "purity_lcms", "queued": True}


def identity_nmr(batch, solvent="DMSO-d6", **_):
    log.info("NMR identity for %r in %r", batch, solvent)
    return {"step": "identity_nmr", "queued": True}


def water_kf(batch, **_):
    log.info("Karl Fischer water content for %r", batch)
    return {"step": "water_kf", "queued": True}


STEPS = {"purity_lcms": purity_lcms, "identity_nmr": identity_nmr, "water_kf": water_kf}


def load_recipe(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        recipe = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    if not isinstance(recipe, dict) or "batch" not in recipe:
        raise ValueError("recipe must define a batch")
    return recipe


def run_recipe(recipe: dict) -> list:
    results = []
    for spec in recipe.get("steps", []):
        params = dict(spec)
        name = params.pop("step", None)
        fn = STEPS.get(name)
        if fn is None:
            log.warning("unknown step %r skipped", name)
            continue
        results.append(fn(recipe["batch"], **params))
    return results


def process_inbox(inbox: Path, done: Path, failed: Path) -> None:
    for path in sorted(inbox.glob("*.y*ml")):
        try:
            results = run_recipe(load_recipe(path))
            log.info("%r: %d steps queued", path.name, len(results))
            shutil.move(str(path), str(done / path.name))
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            log.error("%r rejected: %s", path.name, exc)
            shutil.move(str(path), str(failed / path.name))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inbox", type=Path, default=Path("/shares/qc/inbox"))
    ap.add_argument("--poll", type=int, default=30)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    done, failed = args.inbox.parent / "done", args.inbox.parent / "failed"
    done.mkdir(exist_ok=True)
    failed.mkdir(exist_ok=True)
    while True:
        process_inbox(args.inbox, done, failed)
        time.sleep(args.poll)


if __name__ == "__main__":
    sys.exit(main())
