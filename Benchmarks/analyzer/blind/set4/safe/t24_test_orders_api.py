import pytest
from fastapi.testclient import TestClient

from shop.main import app
from shop.deps import get_current_user


@pytest.fixture
def client():
    app.dependency_overrides[get_current_user] = lambda: {"id": 1, "email": "test@example.com"}
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()


def test_create_order(client):
    resp = client.post("/orders", json={"sku": "ABC-1", "quantity": 2})
    assert resp.status_code == 201
    body = resp.json()
    assert body["sku"] == "ABC-1"
    assert body["quantity"] == 2
    assert body["status"] == "pending"


def test_rejects_negative_quantity(client):
    resp = client.post("/orders", json={"sku": "ABC-1", "quantity": -1})
    assert resp.status_code == 422


@pytest.mark.parametrize("password", ["hunter2", "correct horse battery staple"])
def test_login_rejects_unknown_user(client, password):
    resp = client.post("/auth/token", data={"username": "nobody", "password": password})
    assert resp.status_code == 401
