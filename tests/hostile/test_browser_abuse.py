"""The browser under hostile paths: a database's path is shown as the characters it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.attacks.browser import (
    MARKUP_FOLDERS,
    attack_markup_in_the_database_path,
    damaged_database_notice,
)


@pytest.mark.parametrize("folder", MARKUP_FOLDERS)
def test_a_damaged_database_under_a_markup_folder_is_named_as_it_is(
    tmp_path: Path, folder: str
) -> None:
    database = tmp_path / folder / "db.json"
    database.parent.mkdir(parents=True)
    database.write_text("{not json", encoding="utf-8")
    running, notices = damaged_database_notice(database)
    assert running
    assert len(notices) == 1
    assert f"mv {database} {database}.damaged" in notices[0]


def test_the_attack_holds(tmp_path: Path) -> None:
    outcome = attack_markup_in_the_database_path(tmp_path)
    assert outcome.held, outcome.detail
