"""The import graph of `newscrawl` follows the data flow: no package imports one above it.

Read with `ast` (nothing is imported), so a back edge fails here even when it happens not to
form a cycle yet. Every import counts, including ones inside functions and under TYPE_CHECKING:
a type-only back edge still ties a low layer to a high one.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

PACKAGE = "newscrawl"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

# Lowest first. A unit (a top-level module or package of newscrawl) may import only units of
# lower layers; units sharing a layer are independent of each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("items",),  # the output schema (mirrored by schema/article.schema.json)
    # character-level Arabic text handling; MinHash values and key sets (numpy only)
    ("arabic", "minhash", "keyset"),
    # pure leaf modules; below dates so that date parsing may read vocabulary from the lexicon
    ("urls", "lexicon", "fingerprints", "failures", "outcomes"),
    ("dates",),
    ("profiles",),
    ("targets",),  # what to crawl: profile name or URL → Target
    ("discovery",),
    ("extraction",),
    # Scrapy settings and every NEWSCRAWL_* default: imports nothing of ours (components are named
    # by string), so it sits below config, which reads its defaults, and below every component
    ("settings",),
    ("config",),  # NewscrawlSettings: the NEWSCRAWL_* settings typed, read once per crawler
    ("state",),
    ("pipelines",),
    ("downloader",),  # the download handler and host pacing, below the middlewares using them
    ("middlewares",),
    ("spiders",),
    ("distributed",),  # scrapy-redis frontier, Redis site facts, worker lifecycle (issue 12)
    ("demo",),
    ("reporting",),  # reads the output files and the state store; report and export
    ("scheduling",),  # runs crawls when due: plans, locks, run history, local or Scrapyd runs
    ("cli",),
)


def module_name(path: Path, root: Path, package: str) -> str:
    """The dotted name of the module at `path` inside the package rooted at `root`.

    >>> module_name(Path("/src/pkg/state/__init__.py"), Path("/src/pkg"), "pkg")
    'pkg.state'
    >>> module_name(Path("/src/pkg/state/sqlite.py"), Path("/src/pkg"), "pkg")
    'pkg.state.sqlite'
    """
    parts = [package, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imported_names(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every dotted name `source` imports (relative imports resolved; names may be attributes).

    >>> sorted(imported_names("from ..pipelines import fingerprint", "pkg.state.reconcile"))
    ['pkg.pipelines.fingerprint']
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports."""
    sources = {module_name(path, root, package): path for path in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for module, path in sources.items():
        names = imported_names(
            path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py"
        )
        graph[module] = {m for m in map(_known_prefix(sources), names) if m and m != module}
    return graph


def _known_prefix(modules: Iterable[str]) -> Callable[[str], str | None]:
    """Maps a dotted name to the longest of `modules` it starts with (pkg.x.func → pkg.x)."""
    known = set(modules)

    def resolve(name: str) -> str | None:
        parts = name.split(".")
        while parts and ".".join(parts) not in known:
            parts.pop()
        return ".".join(parts) or None

    return resolve


def unit_of(module: str) -> str | None:
    """The top-level unit of a module; None for the package's own `__init__`.

    >>> unit_of("newscrawl.state.reconcile"), unit_of("newscrawl.arabic"), unit_of("newscrawl")
    ('state', 'arabic', None)
    """
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def unit_graph(graph: Mapping[str, Iterable[str]]) -> dict[str, dict[str, list[str]]]:
    """Unit → imported unit → the module imports ("a -> b") that make the edge."""
    units: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for module, imports in graph.items():
        source = unit_of(module)
        if source is None:
            continue
        units.setdefault(source, {})
        for imported in sorted(imports):
            target = unit_of(imported)
            if target is not None and target != source:
                units[source].setdefault(target, []).append(f"{module} -> {imported}")
    return dict(units)


def layering_violations(
    units: Mapping[str, Mapping[str, list[str]]], layers: tuple[tuple[str, ...], ...]
) -> list[str]:
    """Imports of a unit in the same or a higher layer, and units missing from `layers`.

    >>> layering_violations({"a": {"b": ["p.a -> p.b"]}, "b": {}}, (("a",), ("b",)))
    ['p.a -> p.b: a (layer 0) imports b (layer 1), which is not below it']
    """
    level = {unit: i for i, layer in enumerate(layers) for unit in layer}
    problems = [f"{u} is in no layer: place it in LAYERS" for u in sorted(units) if u not in level]
    for source, targets in sorted(units.items()):
        for target, imports in sorted(targets.items()):
            if source in level and target in level and level[target] >= level[source]:
                problems.extend(
                    f"{how}: {source} (layer {level[source]}) imports {target} "
                    f"(layer {level[target]}), which is not below it"
                    for how in imports
                )
    return problems


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), each sorted.

    >>> cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]})
    [['a', 'b', 'c']]
    >>> cycles({"a": ["b"], "b": []})
    []
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


# --- the real package ------------------------------------------------------------------------


def test_no_package_imports_one_above_it_in_the_data_flow() -> None:
    units = unit_graph(import_graph(ROOT, PACKAGE))
    assert layering_violations(units, LAYERS) == []


def test_no_import_cycles_between_packages_or_modules() -> None:
    graph = import_graph(ROOT, PACKAGE)
    assert cycles(unit_graph(graph)) == []
    assert cycles(graph) == []


def test_each_unit_has_exactly_one_layer() -> None:
    named = [unit for layer in LAYERS for unit in layer]
    assert len(named) == len(set(named))


# --- the checker itself, on a synthetic package ----------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


SYNTHETIC_LAYERS = (("fingerprints",), ("state",), ("pipelines",))
SYNTHETIC = {
    "__init__.py": "",
    "fingerprints.py": "import hashlib\n",
    "state/__init__.py": "",
    "state/reconcile.py": "from pkg.fingerprints import body_minhash\n",
    "pipelines/__init__.py": "",
    "pipelines/fingerprint.py": "from pkg.state import reconcile\n",
}


def test_the_checker_accepts_imports_that_go_down(tmp_path: Path) -> None:
    _write(tmp_path / "pkg", SYNTHETIC)
    units = unit_graph(import_graph(tmp_path / "pkg", "pkg"))
    assert units["pipelines"] == {"state": ["pkg.pipelines.fingerprint -> pkg.state.reconcile"]}
    assert layering_violations(units, SYNTHETIC_LAYERS) == []


def test_the_checker_reports_a_back_edge_and_the_cycle_it_makes(tmp_path: Path) -> None:
    # state reaching up into pipelines: the very cycle newscrawl.fingerprints removed
    back_edge = "from ..pipelines.fingerprint import body_minhash\n"
    _write(tmp_path / "pkg", {**SYNTHETIC, "state/reconcile.py": back_edge})
    graph = import_graph(tmp_path / "pkg", "pkg")
    units = unit_graph(graph)
    assert layering_violations(units, SYNTHETIC_LAYERS) == [
        "pkg.state.reconcile -> pkg.pipelines.fingerprint: state (layer 1) imports pipelines "
        "(layer 2), which is not below it"
    ]
    assert cycles(units) == [["pipelines", "state"]]
    assert cycles(graph) == [["pkg.pipelines.fingerprint", "pkg.state.reconcile"]]


def test_the_checker_reports_a_unit_missing_from_the_layers(tmp_path: Path) -> None:
    _write(tmp_path / "pkg", {**SYNTHETIC, "extra.py": "from pkg import fingerprints\n"})
    units = unit_graph(import_graph(tmp_path / "pkg", "pkg"))
    assert layering_violations(units, SYNTHETIC_LAYERS) == [
        "extra is in no layer: place it in LAYERS"
    ]
