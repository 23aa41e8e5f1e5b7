#!/usr/bin/env python3
"""Spectral reduction recipe runner.

Guest observers submit reduction recipes through the archive portal; the
portal drops them as JSON into the recipe queue and this runner applies them
to the extracted 1-D spectra.
"""
import argparse
import json
import logging
import os

import numpy as np

log = logging.getLogger("recipes")


def load_spectrum(path: str):
    data = np.loadtxt(path)
    return data[:, 0], data[:, 1]


def step_normalise(wave, flux, **_):
    return wave, flux / np.nanmedian(flux)


def step_trim(wave, flux, lo=None, hi=None, **_):
    mask = np.ones_like(wave, dtype=bool)
    if lo is not None:
        mask &= wave >= float(lo)
    if hi is not None:
        mask &= wave <= float(hi)
    return wave[mask], flux[mask]


def step_smooth(wave, flux, width=5, **_):
    width = max(1, int(width))
    kernel = np.ones(width) / width
    return wave, np.convolve(flux, kernel, mode="same")


BUILTINS = {"normalise": step_normalise, "trim": step_trim, "smooth": step_smooth}


def run_custom(name: str, source: str, wave, flux, params: dict):
    namespace = {"np": np, "wave": wave, "flux": flux, "params": params}
    exec(compile(source, f"<recipe:{name}>", "exec"), namespace)  # VULN flow
    return namespace["wave"], namespace["flux"]


class RecipeStep:
    def __init__(self, spec: dict):
        self.name = spec.get("name", "unnamed")
        self.kind = spec.get("kind", "builtin")
        self.params = spec.get("params", {})
        self.source = spec.get("code", "")

    def apply(self, wave, flux):
        if self.kind == "builtin":
            return BUILTINS[self.name](wave, flux, **self.params)
        return run_custom(self.name, self.source, wave, flux, self.params)


def process_recipe(path: str, spectra_dir: str, out_dir: str) -> str:
    with open(path) as fh:
        recipe = json.load(fh)
    obs_id = int(recipe["obs_id"])
    wave, flux = load_spectrum(os.path.join(spectra_dir, f"{obs_id:08d}.txt"))
    for spec in recipe.get("steps", []):
        step = RecipeStep(spec)
        wave, flux = step.apply(wave, flux)
        log.info("obs %d: applied step %r", obs_id, step.name)
    out = os.path.join(out_dir, f"{obs_id:08d}_reduced.txt")
    np.savetxt(out, np.column_stack([wave, flux]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--queue", default="/srv/recipes/queue")
    ap.add_argument("--spectra", default="/srv/archive/spectra1d")
    ap.add_argument("--out", default="/srv/archive/reduced")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    for name in sorted(os.listdir(args.queue)):
        if not name.endswith(".json"):
            continue
        path = os.path.join(args.queue, name)
        try:
            out = process_recipe(path, args.spectra, args.out)
            log.info("wrote %s", out)
        except Exception:
            log.exception("recipe %r failed", name)
        os.rename(path, path + ".done")


if __name__ == "__main__":
    main()
