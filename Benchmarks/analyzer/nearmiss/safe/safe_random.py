import secrets
import random

def token():
    return secrets.token_hex(16)

def shuffle_deck(deck):
    random.shuffle(deck)
    return deck
