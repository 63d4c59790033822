"""The OpenAPI description: served, complete, and true to what the API really answers."""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search_web.api import openapi_document

DOCUMENT = openapi_document()
SCHEMAS = DOCUMENT["components"]["schemas"]
_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def validate(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """The ways ``value`` breaks ``schema`` (the subset of JSON Schema the document uses)."""
    if "$ref" in schema:
        return validate(value, SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]], where)
    problems: list[str] = []
    types = schema.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else types
        if not any(_is_type(value, name) for name in allowed):
            return [f"{where}: {value!r} is not {allowed}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    is_date = schema.get("format") == "date" and isinstance(value, str)
    if is_date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        problems.append(f"{where}: {value!r} is not a date")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{where}: missing {name}")
        extra = schema.get("additionalProperties")
        for name, item in value.items():
            if name in properties:
                problems += validate(item, properties[name], f"{where}.{name}")
            elif isinstance(extra, dict):
                problems += validate(item, extra, f"{where}.{name}")
            else:
                problems.append(f"{where}: undocumented field {name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems += validate(item, schema["items"], f"{where}[{index}]")
    return problems


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def _example_query(operation: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for parameter in operation.get("parameters", []):
        if parameter["in"] != "query":
            continue
        example = parameter["example"]
        for value in example if isinstance(example, list) else [example]:
            pairs.append((parameter["name"], str(value)))
    return pairs


def _response_schema(path: str, status: str) -> dict[str, Any]:
    response = DOCUMENT["paths"][path]["get"]["responses"][status]
    return response["content"]["application/json"]["schema"]


def test_document_is_served_as_openapi_3_1(client: FlaskClient) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    served = response.get_json()
    assert served["openapi"].startswith("3.1")
    assert served["servers"] == [{"url": "http://localhost"}]
    assert served["paths"] == DOCUMENT["paths"]
    assert set(DOCUMENT["paths"]) == {
        "/api/search",
        "/api/suggest",
        "/api/articles/{id}",
        "/healthz",
    }


def test_every_api_route_is_documented(app: Flask) -> None:
    served = {
        re.sub(r"<(?:\w+:)?\w+>", "{id}", rule.rule)
        for rule in app.url_map.iter_rules()
        if (rule.rule.startswith("/api/") or rule.rule == "/healthz")
        and rule.rule != "/api/openapi.json"
    }
    assert served == set(DOCUMENT["paths"])


def test_every_reference_resolves() -> None:
    text = json.dumps(DOCUMENT)
    for name in re.findall(r'"#/components/schemas/(\w+)"', text):
        assert name in SCHEMAS


@pytest.mark.parametrize("path", ["/api/search", "/api/suggest"])
def test_every_documented_parameter_is_accepted(client: FlaskClient, path: str) -> None:
    operation = DOCUMENT["paths"][path]["get"]
    for name, value in _example_query(operation):
        response = client.get(f"{path}?{urlencode([(name, value)])}")
        assert response.status_code == 200, (name, value, response.get_json())
        assert validate(response.get_json(), _response_schema(path, "200")) == []
    response = client.get(f"{path}?{urlencode(_example_query(operation))}")
    assert response.status_code == 200


def test_documented_limits_are_the_enforced_ones(client: FlaskClient) -> None:
    parameters = {p["name"]: p for p in DOCUMENT["paths"]["/api/search"]["get"]["parameters"]}
    for name in ("page", "per_page"):
        highest = parameters[name]["schema"]["maximum"]
        assert client.get(f"/api/search?{name}={highest}").status_code == 200
        response = client.get(f"/api/search?{name}={highest + 1}")
        assert response.status_code == 400
        assert validate(response.get_json(), _response_schema("/api/search", "400")) == []
    for value in parameters["sort"]["schema"]["enum"]:
        assert client.get(f"/api/search?sort={value}").status_code == 200


def test_error_answers_match_the_error_schema(client: FlaskClient) -> None:
    response = client.get("/api/articles/doesnotexist")
    assert response.status_code == 404
    assert validate(response.get_json(), _response_schema("/api/articles/{id}", "404")) == []


def test_validator_notices_a_wrong_shape() -> None:
    schema = _response_schema("/api/suggest", "200")
    assert validate({"query": "a", "suggestions": ["ab"]}, schema) == []
    assert validate({"query": "a", "suggestions": [1]}, schema)
    assert validate({"query": "a"}, schema)
    assert validate({"query": "a", "suggestions": [], "surprise": 1}, schema)


def _get_json(url: str) -> tuple[int, Any]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, json.load(response)


@pytest.mark.slow
def test_real_answers_match_the_document(live_server) -> None:  # type: ignore[no-untyped-def]
    base = live_server.url
    status, served = _get_json(f"{base}/api/openapi.json")
    assert served["servers"] == [{"url": base}]
    searches = ["q=strike", "q=harbour&copies=0&per_page=50", "sort=newest&per_page=50", "q=zzzqqq"]
    searches.append(urlencode(_example_query(DOCUMENT["paths"]["/api/search"]["get"])))
    hits = []
    for query in searches:
        status, data = _get_json(f"{base}/api/search?{query}")
        assert status == 200
        assert validate(data, _response_schema("/api/search", "200")) == [], query
        hits += data["results"]
    assert any(hit["copies"] for hit in hits) and hits
    status, data = _get_json(f"{base}/api/suggest?q=varn&limit=5")
    assert validate(data, _response_schema("/api/suggest", "200")) == []
    for hit in hits[:5]:
        status, data = _get_json(f"{base}/api/articles/{hit['id']}")
        assert validate(data, _response_schema("/api/articles/{id}", "200")) == []
    status, data = _get_json(f"{base}/healthz")
    assert validate(data, _response_schema("/healthz", "200")) == []
