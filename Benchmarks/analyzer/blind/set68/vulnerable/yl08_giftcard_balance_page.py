"""Public gift card balance page (linked from the back of physical cards)."""
import logging
from typing import Optional

from flask import Flask, abort, redirect, request, url_for

app = Flask(__name__)
log = logging.getLogger("giftcards.web")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Gift card balance</title></head>
<body class="balance">{body}</body></html>"""


class GiftCardRepo:
    def __init__(self) -> None:
        self._cards = {
            "6035110000001234": {"nickname": "Birthday card", "balance": 42.5, "currency": "USD"},
            "6035110000005678": {"nickname": "", "balance": 0.0, "currency": "USD"},
        }

    def get(self, card_no: str) -> Optional[dict]:
        return self._cards.get(card_no)

    def set_nickname(self, card_no: str, nickname: str) -> None:
        if card_no in self._cards:
            self._cards[card_no]["nickname"] = nickname


repo = GiftCardRepo()


def render_balance(card_no: str, card: dict, note: str) -> str:
    title = card["nickname"] or f"Card ending {card_no[-4:]}"
    rows = [
        f"<h1>{title}</h1>",
        f"<p class='amount'>Balance: {card['balance']:.2f} {card['currency']}</p>",
    ]
    if note:
        rows.append(f"<div class='note'>{note}</div>")
    rows.append(f"<form method='post' action='/giftcards/{card_no}/nickname'>"
                "<input name='nickname' maxlength='60'><button>Rename</button></form>")
    return PAGE.format(body="\n".join(rows))


@app.route("/giftcards/<card_no>")
def balance(card_no: str):
    if not card_no.isdigit():
        abort(404)
    card = repo.get(card_no)
    if card is None:
        abort(404)
    note = request.args.get("note", "")
    return render_balance(card_no, card, note)  # VULN flow


@app.route("/giftcards/<card_no>/nickname", methods=["POST"])
def set_nickname(card_no: str):
    nickname = request.form.get("nickname", "")[:60]
    repo.set_nickname(card_no, nickname)
    log.info("nickname updated for card ending %r", card_no[-4:])
    return redirect(url_for("balance", card_no=card_no, note="Nickname saved"))
