"""Descriptor recipe runner for QSAR feature generation.

Recipes are saved from the modelling notebook UI and posted here together
with a descriptor table; each step transforms the pandas DataFrame.
"""
import logging
from typing import Any, Callable, Dict, List

import numpy as np
import pandas as pd
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("qsar.recipes")
app = FastAPI(title="descriptor-recipes")


def log_transform(df: pd.DataFrame, columns: List[str]) -> pd.DataFrame:
    df[columns] = np.log1p(df[columns].clip(lower=0))
    return df


def zscore(df: pd.DataFrame, columns: List[str]) -> pd.DataFrame:
    df[columns] = (df[columns] - df[columns].mean()) / df[columns].std(ddof=0).replace(0, 1)
    return df


BUILTIN_STEPS: Dict[str, Callable] = {"log1p": log_transform, "zscore": zscore}


class Step(BaseModel):
    type: str
    name: str = ""
    columns: List[str] = []
    code: str = ""
    entrypoint: str = "transform"


class RecipeRun(BaseModel):
    recipe: List[Step]
    table: List[Dict[str, Any]]


def compile_custom_step(step: Step) -> Callable:
    namespace: Dict[str, Any] = {"np": np, "pd": pd}
    source = step.code
    exec(source, namespace)  # VULN flow
    fn = namespace.get(step.entrypoint)
    if not callable(fn):
        raise HTTPException(status_code=422, detail=f"custom step has no {step.entrypoint}()")
    return fn


def build_pipeline(steps: List[Step]) -> List[Callable]:
    pipeline = []
    for step in steps:
        if step.type == "builtin":
            fn = BUILTIN_STEPS.get(step.name)
            if fn is None:
                raise HTTPException(status_code=422, detail=f"unknown builtin {step.name!r}")
            pipeline.append(lambda df, fn=fn, cols=step.columns: fn(df, cols))
        elif step.type == "custom":
            custom = compile_custom_step(step)
            pipeline.append(lambda df, fn=custom, cols=step.columns: fn(df, cols))
        else:
            raise HTTPException(status_code=422, detail=f"unknown step type {step.type!r}")
    return pipeline


@app.post("/recipes/run")
def run_recipe(body: RecipeRun):
    df = pd.DataFrame(body.table)
    for fn in build_pipeline(body.recipe):
        df = fn(df)
    log.info("recipe with %d steps applied to %d rows", len(body.recipe), len(df))
    return {"columns": list(df.columns), "rows": df.replace({np.nan: None}).to_dict(orient="records")}
