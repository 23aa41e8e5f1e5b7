"""Scene macros: tiny scripts users type in the hub app, e.g.

    set_level hall_light, 40
    set_temperature living_thermostat, 21.5
    lock front_door

Each line maps onto a method of the hub controller.
"""
import logging

from flask import Blueprint, current_app, jsonify, request

log = logging.getLogger("scenes.macro")
bp = Blueprint("macros", __name__, url_prefix="/api/macros")

VERBS = {"set_level", "turn_on", "turn_off", "set_temperature", "lock", "unlock", "wait"}
ACTION_TEMPLATE = "hub.{verb}({args})"
MACROS = {}


class MacroError(ValueError):
    pass


def compile_macro(text: str) -> str:
    lines = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        verb, _, rest = raw.partition(" ")
        if verb not in VERBS:
            raise MacroError(f"line {lineno}: unknown action {verb!r}")
        lines.append(ACTION_TEMPLATE.format(verb=verb, args=_format_args(rest)))
    return "\n".join(lines)


def _format_args(rest: str) -> str:
    out = []
    for token in rest.split(","):
        token = token.strip()
        if not token:
            continue
        # numbers and already-quoted labels are passed through as written
        if _is_number(token) or token[0] in "'\"":
            out.append(token)
        else:
            out.append(repr(token))
    return ", ".join(out)


def _is_number(token: str) -> bool:
    try:
        float(token)
        return True
    except ValueError:
        return False


def run_macro(hub, text: str) -> None:
    code = compile_macro(text)
    exec(code, {"hub": hub, "__builtins__": {}})  # VULN flow


@bp.route("", methods=["POST"])
def save_macro():
    body = request.get_json(force=True) or {}
    name = str(body.get("name", "")).strip()
    text = str(body.get("text", ""))
    if not name:
        return jsonify(error="name required"), 400
    try:
        compile_macro(text)
    except MacroError as exc:
        return jsonify(error=str(exc)), 400
    MACROS[name] = text
    return jsonify(saved=name), 201


@bp.route("/<name>/run", methods=["POST"])
def trigger_macro(name):
    text = MACROS.get(name)
    if text is None:
        return jsonify(error="unknown macro"), 404
    hub = current_app.extensions["hub"]
    try:
        run_macro(hub, text)
    except Exception as exc:
        log.warning("macro %r failed: %r", name, str(exc))
        return jsonify(error="macro failed"), 500
    return jsonify(ran=name)
