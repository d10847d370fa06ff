"""The Article dataclass and the shipped JSON Schema describe the same thing."""

from __future__ import annotations

import ast
import json
from dataclasses import MISSING, asdict, fields
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import newscrawl.items as items_module
from newscrawl.items import Article, Image, RelatedLink

CONTRACT = [
    "url", "site", "title", "body", "published_at", "modified_at", "authors", "section", "tags",
    "image", "related_links", "language", "fetched_at", "content_hash", "near_duplicate_of",
]  # fmt: skip


def load_schema() -> dict:
    text = resources.files("newscrawl").joinpath("schema/article.schema.json").read_text("utf-8")
    return json.loads(text)


def test_contract_field_names_and_order() -> None:
    assert [f.name for f in fields(Article)] == CONTRACT


def test_schema_mirrors_dataclass() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == CONTRACT
    assert schema["required"] == CONTRACT
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_has_a_one_line_docstring() -> None:
    tree = ast.parse(Path(items_module.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.AnnAssign):
                doc = body[i + 1] if i + 1 < len(body) else None
                assert isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant), (
                    f"{node.name}.{ast.unparse(stmt.target)} has no docstring"
                )
                assert "\n" not in doc.value.value.strip()


def test_schema_descriptions_match_docstrings() -> None:
    tree = ast.parse(Path(items_module.__file__).read_text(encoding="utf-8"))
    article = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Article")
    docs = {
        ast.unparse(stmt.target): article.body[i + 1].value.value  # type: ignore[attr-defined]
        for i, stmt in enumerate(article.body)
        if isinstance(stmt, ast.AnnAssign)
    }
    schema = load_schema()
    for name, doc in docs.items():
        expected = doc.replace("None", "null").rstrip(".")
        assert schema["properties"][name]["description"].rstrip(".") == expected


def test_full_record_validates() -> None:
    article = Article(
        url="https://example.com/news/1",
        site="example",
        title="عنوان",
        body="فقرة أولى\n\nفقرة ثانية",
        published_at="2024-01-12T09:30:00+03:00",
        authors=["كاتب"],
        tags=["وسم"],
        image=Image("https://example.com/a.jpg", "تعليق"),
        related_links=[RelatedLink("https://example.com/news/2", "خبر آخر", "inline")],
        language="ar",
        fetched_at="2024-01-12T10:00:00+00:00",
        content_hash="0" * 64,
    )
    jsonschema.validate(asdict(article), load_schema())


@pytest.mark.parametrize(
    "change",
    [
        {"published_at": "2024-01-12T09:30:00"},  # naive: no offset
        {"related_links": [{"url": "https://e.com/x", "title": "t", "position": "middle"}]},
        {"title": ""},
        {"extra": 1},
    ],
)
def test_schema_rejects_bad_records(change: dict) -> None:
    record = asdict(Article(url="https://e.com/1", site="e", title="t", body="b"))
    record.update(change)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, load_schema())


def test_defaults_are_empty_not_missing() -> None:
    defaults = {f.name: f.default for f in fields(Article) if f.default is not MISSING}
    assert all(value is None for value in defaults.values())
