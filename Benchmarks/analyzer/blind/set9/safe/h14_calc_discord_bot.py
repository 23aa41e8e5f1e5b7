"""Discord bot providing a small arithmetic calculator command."""
import ast
import logging
import operator
import os

import discord
from discord.ext import commands

logger = logging.getLogger("calcbot")

BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}
MAX_EXPONENT = 64
MAX_MAGNITUDE = 10 ** 15
MAX_EXPR_LEN = 120


def _eval(node):
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        result = node.value
    elif isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        left, right = _eval(node.left), _eval(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > MAX_EXPONENT:
            raise ValueError("exponent too large")
        result = BIN_OPS[type(node.op)](left, right)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        result = UNARY_OPS[type(node.op)](_eval(node.operand))
    else:
        raise ValueError("unsupported expression")
    if not isinstance(result, (int, float)) or abs(result) > MAX_MAGNITUDE:
        raise ValueError("result out of range")
    return result


def evaluate(expression: str):
    if len(expression) > MAX_EXPR_LEN:
        raise ValueError("expression too long")
    return _eval(ast.parse(expression, mode="eval").body)


intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)


@bot.command(name="calc")
async def calc(ctx: commands.Context, *, expression: str) -> None:
    try:
        result = evaluate(expression)
    except ZeroDivisionError:
        await ctx.reply("Division by zero.")
        return
    except (ValueError, SyntaxError, OverflowError):
        await ctx.reply("Sorry, I can only do basic arithmetic on reasonably sized numbers.")
        return
    await ctx.reply(f"= {result:,.10g}" if isinstance(result, float) else f"= {result:,}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bot.run(os.environ["DISCORD_BOT_TOKEN"])
