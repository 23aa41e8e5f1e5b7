from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATE_DIR = Path(__file__).parent / "templates" / "email"

env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_welcome(user, invite_message):
    template = env.get_template("welcome.html")
    return template.render(
        name=user.display_name,
        message=invite_message,
        login_url="https://app.example.com/login",
    )


def render_digest(user, items):
    template = env.get_template("digest.html")
    return template.render(name=user.display_name, items=items)
