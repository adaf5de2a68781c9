"""`chronicle serve` under abuse: only its own page, with its token, drives an app; a few
sessions at most; no app process outlives its connection or the server; bad ports refused in
one line. Each test runs a real server on 127.0.0.1 and real WebSocket clients."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.attacks.serve import ATTACKS


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda attack: attack.__name__)
def test_serve_holds(attack, tmp_path: Path) -> None:
    outcome = attack(tmp_path)
    assert outcome.held, outcome.detail
