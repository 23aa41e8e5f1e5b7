"""Collaborative budget spreadsheet: websocket endpoint that evaluates cell formulas."""
import ast
import operator
import re

from starlette.applications import Starlette
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

CELL_RE = re.compile(r"^[A-Z]{1,2}[1-9][0-9]{0,3}$")
MAX_FORMULA = 200
FUNCTIONS = {"SUM": lambda *a: sum(a), "MIN": min, "MAX": max, "ROUND": round, "ABS": abs}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class FormulaError(ValueError):
    pass


class Sheet:
    def __init__(self):
        self.values = {}
        self.formulas = {}

    def _eval_node(self, node):
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return node.value
        if isinstance(node, ast.Name) and CELL_RE.match(node.id):
            return self.values.get(node.id, 0)
        if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
            return BIN_OPS[type(node.op)](self._eval_node(node.left), self._eval_node(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self._eval_node(node.operand)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS and not node.keywords:
            return FUNCTIONS[node.func.id](*(self._eval_node(arg) for arg in node.args))
        raise FormulaError("unsupported expression")

    def evaluate(self, formula: str):
        expression = formula[1:] if formula.startswith("=") else formula
        if len(expression) > MAX_FORMULA:
            raise FormulaError("formula too long")
        try:
            return self._eval_node(ast.parse(expression, mode="eval").body)
        except FormulaError:
            raise
        except (SyntaxError, TypeError, ValueError, ZeroDivisionError) as exc:
            raise FormulaError(type(exc).__name__) from exc

    def set_cell(self, cell: str, formula: str):
        if not CELL_RE.match(cell):
            raise FormulaError("invalid cell reference")
        value = self.evaluate(formula)
        self.formulas[cell] = formula
        self.values[cell] = value
        return value


class BudgetSheetEndpoint(WebSocketEndpoint):
    encoding = "json"

    async def on_connect(self, websocket: WebSocket):
        await websocket.accept()
        websocket.state.sheet = Sheet()

    async def on_receive(self, websocket: WebSocket, data):
        cell = str(data.get("cell", ""))
        formula = str(data.get("formula", ""))
        try:
            value = websocket.state.sheet.set_cell(cell, formula)
        except FormulaError as exc:
            await websocket.send_json({"cell": cell, "error": str(exc)})
            return
        await websocket.send_json({"cell": cell, "value": value})

    async def on_disconnect(self, websocket: WebSocket, close_code: int):
        websocket.state.sheet = None


app = Starlette(routes=[WebSocketRoute("/ws/sheet", BudgetSheetEndpoint)])
