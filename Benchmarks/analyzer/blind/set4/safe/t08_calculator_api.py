import ast
import operator

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()

BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def _evaluate(node):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_evaluate(node.operand))
    raise ValueError("unsupported expression")


class Expr(BaseModel):
    expression: str


@app.post("/calc")
async def calc(body: Expr):
    if len(body.expression) > 200:
        raise HTTPException(status_code=413, detail="expression too long")
    try:
        result = _evaluate(ast.parse(body.expression, mode="eval"))
    except (ValueError, SyntaxError, ZeroDivisionError) as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    return {"result": result}
