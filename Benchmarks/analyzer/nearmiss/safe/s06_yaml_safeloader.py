import yaml
from flask import request

def cfg():
    return yaml.load(request.data, Loader=yaml.SafeLoader)
