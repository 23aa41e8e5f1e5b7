"""Collaborative budget spreadsheet: websocket endpoint that evaluates cell formulas."""
import re

from starlette.applications import Starlette
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

CELL_RE = re.compile(r"^[A-Z]{1,2}[1-9][0-9]{0,3}$")
REF_RE = re.compile(r"\b[A-Z]{1,2}[1-9][0-9]{0,3}\b")
MAX_FORMULA = 200
FUNCTIONS = {"SUM": lambda *a: sum(a), "MIN": min, "MAX": max, "ROUND": round, "ABS": abs}


class FormulaError(ValueError):
    pass


class Sheet:
    def __init__(self):
        self.values = {}
        self.formulas = {}

    def evaluate(self, formula: str):
        expression = formula[1:] if formula.startswith("=") else formula
        if len(expression) > MAX_FORMULA:
            raise FormulaError("formula too long")
        namespace = dict(FUNCTIONS)
        namespace.update({ref: self.values.get(ref, 0) for ref in REF_RE.findall(expression)})
        try:
            return eval(expression, {"__builtins__": {}}, namespace)  # VULN flow
        except (SyntaxError, NameError, TypeError, ZeroDivisionError) as exc:
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
