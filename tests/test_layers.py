"""Imports only go down: web, api -> articles -> search, diagnosis, checks (README, "How it fits together").

A lower layer never imports a higher one, and the two top layers do not import each other: what
both need (messages, rendering, throttling) lives in articles.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "troubleshoot"
LAYERS = {"web": 2, "api": 2, "articles": 1, "search": 0, "diagnosis": 0, "checks": 0}


def imported_layers(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "troubleshoot" and len(parts) > 1 and parts[1] in LAYERS:
                found.add(parts[1])
    return found


def test_every_layer_is_known_and_has_modules():
    assert {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} == set(LAYERS)


def test_imports_only_go_down():
    wrong = []
    for layer, level in LAYERS.items():
        files = list((PACKAGE / layer).rglob("*.py"))
        assert files, layer
        for path in files:
            for other in imported_layers(path) - {layer}:
                if LAYERS[other] >= level:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)} imports troubleshoot.{other}")
    assert wrong == []


def test_the_lowest_layers_do_not_use_the_orm_or_http():
    for layer in ("search", "diagnosis", "checks"):
        for path in (PACKAGE / layer).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "django.db" not in text and "django.http" not in text, path
