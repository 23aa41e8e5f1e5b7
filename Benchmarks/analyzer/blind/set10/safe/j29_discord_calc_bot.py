import ast
import math
import operator
import os

import discord
from discord.ext import commands

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents, allowed_mentions=discord.AllowedMentions.none())

BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Mod: operator.mod, ast.Pow: operator.pow}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}
NAMES = {"pi": math.pi, "e": math.e}
FUNCS = {"sqrt": math.sqrt, "sin": math.sin, "cos": math.cos, "log": math.log}
LIMIT = 1e100


def _eval(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        value = node.value
    elif isinstance(node, ast.Name) and node.id in NAMES:
        value = NAMES[node.id]
    elif isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        left, right = _eval(node.left), _eval(node.right)
        if isinstance(node.op, ast.Pow) and (abs(right) > 100 or abs(left) > 1e6):
            raise ValueError("exponent too large")
        value = BIN_OPS[type(node.op)](left, right)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        value = UNARY_OPS[type(node.op)](_eval(node.operand))
    elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCS
          and len(node.args) == 1 and not node.keywords):
        value = FUNCS[node.func.id](_eval(node.args[0]))
    else:
        raise ValueError("unsupported expression")
    if isinstance(value, complex) or abs(value) > LIMIT:
        raise ValueError("result out of range")
    return value


def compute(expression):
    if len(expression) > 120:
        raise ValueError("expression too long")
    expr = expression.replace("^", "**").replace("\u00d7", "*")
    return _eval(ast.parse(expr, mode="eval").body)


@bot.command(name="calc", help="evaluate an arithmetic expression")
async def calc(ctx, *, expression: str):
    try:
        result = compute(expression)
    except Exception:
        await ctx.reply("Could not evaluate that.")
        return
    await ctx.reply(f"`{expression[:200]}` = **{result}**")


if __name__ == "__main__":
    bot.run(os.environ["DISCORD_TOKEN"])
