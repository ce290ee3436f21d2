"""The house stays findable (issue 14): no product module over 500 lines, no import cycle.

A cycle between two modules means neither can be read, tested or moved without the other; a
module past 500 lines holds more than one concern. Imports inside a function are left out: they
are the deliberate way to reach a module only when it is needed (and Django's app loading).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("clinic", "intake", "assessments", "interop", "perf")
MAX_LINES = 500


def product_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(path, modules):
    """The product modules this module imports when it is loaded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    found = set()
    for node in tree.body:  # module level only, including under `if`/`try`
        for child in [node, *ast.walk(node)] if isinstance(node, ast.If | ast.Try) else [node]:
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                # `from package import module` imports the module itself.
                names = [base] + [f"{base}.{alias.name}" for alias in child.names]
            else:
                continue
            found.update(name for name in names if name in modules)
    return found


def import_graph():
    paths = {module_name(path): path for path in product_modules()}
    return {name: top_level_imports(path, paths) - {name} for name, path in paths.items()}


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_product_module_is_over_500_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in product_modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycle_between_product_modules():
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_a_cycle():
    # The check itself can fail: two modules importing each other are one cycle.
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
