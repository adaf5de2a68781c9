"""The material beside the repository in ../shared: the scorer and the gold the quality gates
read (never copied into the project). A clone without it skips those tests; CI always has it,
so there (CI=true) a missing file fails loudly instead of letting a gate skip unseen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared(relative: str) -> Path:
    """`../shared/relative`, or the test skips (fails under CI) when it is not there."""
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI must run with ../shared beside the clone")
        pytest.skip(f"{path} is not beside the repo")
    return path
