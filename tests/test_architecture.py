"""Data flows one way: files -> extract -> store -> publish -> (cli, tui). These contracts keep it
so."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level modules it must never import
FORBIDDEN = {
    "extract": {"store", "publish", "tui", "cli", "textual", "tinydb"},
    "store": {"publish", "tui", "cli", "textual"},
    "publish": {"tui", "cli", "textual"},
    "tui": {"cli"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_flow_one_way(package):
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_extraction_runs_without_loading_the_ui_or_the_database():
    code = (
        "import sys, extract.pipeline, extract.serialize\n"
        "loaded = {'textual', 'tinydb', 'store', 'tui'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_output_formats_load_without_the_ui_or_the_commands():
    code = (
        "import sys, publish\n"
        "loaded = {'textual', 'tui', 'cli'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
