"""The settings file: read with its defaults, written atomically, never written over when it
cannot be read."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from store.paths import database_source
from store.settings import (
    DEFAULT_THEME,
    Settings,
    SettingsError,
    load_settings,
    read_settings,
    save_settings,
    settings_path,
    settings_text,
)
from tests.conftest import settings_file


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    assert settings_path() == settings_file(tmp_path)  # the autouse fixture's, not the user's
    assert read_settings() == Settings()
    assert load_settings() == (Settings(citation_format="plain", theme=DEFAULT_THEME), None)


def test_saved_values_are_read_back_and_merged_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.toml"
    save_settings(path, citation_format="apa")
    save_settings(path, theme="nord", keys={"copy": "c", "show_pane('quotes')": "f3"})
    assert read_settings(path) == Settings(
        citation_format="apa",
        theme="nord",
        keys={"copy": "c", "show_pane('quotes')": "f3"},
        in_file=frozenset({"citation_format", "theme", "keys"}),
    )
    assert path.read_text() == (
        'citation_format = "apa"\ntheme = "nord"\n\n[keys]\ncopy = "c"\n'
        '"show_pane(\'quotes\')" = "f3"\n'
    )
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temporary left


@pytest.mark.parametrize(
    "value", ['C:\\news\\"q".json', "two\nlines\ttab\x1b[31m\x7f.json", "café ✓ 🙂.json"]
)
def test_any_string_survives_the_round_trip(tmp_path: Path, value: str) -> None:
    settings = Settings(database=value, in_file=frozenset({"database"}))
    assert tomllib.loads(settings_text(settings)) == {"database": value}


@pytest.mark.parametrize(
    "text, problem",
    [
        ('theme = "nord"\ncitation_format = \n', "not valid TOML (Invalid value (at line 2"),
        ("theme = 3\n", "theme must be a non-empty string, not 3"),
        ('theem = "nord"\n', "unknown setting 'theem' (known: citation_format, theme"),
        ("[keys]\ncopy = 1\n", '[keys] must map binding ids to keys, e.g. copy = "c"'),
        (b"theme = '\xff'\n", "not UTF-8 text"),
    ],
)
def test_an_unusable_file_is_one_line_then_the_defaults_and_is_never_written_over(
    tmp_path: Path, text: str | bytes, problem: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    settings, line = load_settings(path)
    assert settings == Settings()
    assert line is not None and "\n" not in line
    assert line.startswith(f"settings file {path}: {problem}")
    assert line.endswith("; using the default settings")
    with pytest.raises(SettingsError):
        save_settings(path, theme="nord")
    assert path.read_bytes() == (text if isinstance(text, bytes) else text.encode())


def test_a_symbolic_link_is_followed_and_the_mode_kept(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "chronicle.toml"
    real.parent.mkdir()
    real.write_text('theme = "nord"\n')
    real.chmod(0o640)
    link = tmp_path / "settings.toml"
    link.symlink_to(real)
    save_settings(link, citation_format="mla")
    assert link.is_symlink()
    assert real.read_text() == 'citation_format = "mla"\ntheme = "nord"\n'
    assert oct(real.stat().st_mode & 0o777) == "0o640"


def test_the_database_setting_comes_after_the_option_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = settings_file(tmp_path)
    save_settings(config, database="stores/news.json")
    assert database_source("x.json") == (Path("x.json"), "--db")
    assert database_source()[1] == "environment"
    monkeypatch.delenv("CHRONICLE_DB")
    assert database_source() == (config.parent / "stores" / "news.json", "file")
    config.write_text("database = ")  # unusable: the default, as the command reports
    path, source = database_source()
    assert (path.name, source) == ("chronicle.json", "default")
