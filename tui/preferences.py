"""The browser's side of the settings file (store.settings): at start it applies the citation
format, the theme and the key overrides; then it saves the format chosen with `Y` and the theme
chosen in the command palette, as they change.

Key overrides go through Textual's keymap, which finds bindings by id: `with_ids` gives each of
the app's bindings one, its action's name (`copy`, `pick_source`), with the argument when the
action takes one (`show_pane_actors`, `citation_-1`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType

from publish import CITATION_FORMATS
from store.settings import SettingsError, load_settings, save_settings, settings_path

# What an action's argument keeps in its binding id: "show_pane('actors')" -> "actors".
_ARGUMENT = re.compile(r"[^\w-]+")


def binding_id(action: str) -> str:
    name, _, arguments = action.partition("(")
    argument = _ARGUMENT.sub("_", arguments).strip("_")
    return f"{name}_{argument}" if argument else name


def with_ids(bindings: Iterable[BindingType]) -> list[BindingType]:
    """`bindings`, each Binding with an id (its own, else `binding_id` of its action)."""
    return [
        replace(b, id=b.id or binding_id(b.action)) if isinstance(b, Binding) else b
        for b in bindings
    ]


def rekeyed(bindings: Iterable[Binding], keymap: Mapping[str, str]) -> list[Binding]:
    """`bindings` with the keys the keymap gives them, for lists of keys written out (help)."""
    return [
        b.with_key(keymap[b.id], key_display=None) if b.id and b.id in keymap else b
        for b in bindings
    ]


class Preferences:
    """The settings file as the app uses it; `attach(app)` once the app is mounted."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = settings_path() if path is None else path
        self.settings, self.problem = load_settings(self.path)

    def attach(self, app: App[Any]) -> None:
        """Apply the settings to `app`, say in a notification what cannot be applied, and save
        the citation format and the theme whenever they change from now on."""
        problems = [self.problem] if self.problem else []
        settings = self.settings
        if settings.citation_format in CITATION_FORMATS:
            app.citation_format = settings.citation_format  # type: ignore[attr-defined]
        else:
            known = ", ".join(CITATION_FORMATS)
            problems.append(f"unknown citation format {settings.citation_format!r} ({known})")
        if settings.theme in app.available_themes:
            app.theme = settings.theme
        else:
            problems.append(f"unknown theme {settings.theme!r} (ctrl+p, Change theme)")
        known_ids = {b.id for _, b in app._bindings} if settings.keys else set()
        unknown = [action for action in settings.keys if action not in known_ids]
        if unknown:
            problems.append(f"[keys]: no binding {', '.join(map(repr, unknown))}")
        app.set_keymap({k: v for k, v in settings.keys.items() if k in known_ids})
        for problem in problems:
            app.notify(problem, title="Settings", severity="warning", timeout=8, markup=False)
        app.watch(app, "citation_format", self._format_changed, init=False)
        app.watch(app, "theme", self._theme_changed, init=False)
        self._app = app

    def _format_changed(self, citation_format: str) -> None:
        self._save(citation_format=citation_format)

    def _theme_changed(self, theme: str) -> None:
        self._save(theme=theme)

    def _save(self, **changes: str) -> None:
        """Write the change, unless the file is unusable: then it stays as the user left it
        and the change lasts until the app ends."""
        settings = self.settings
        if all(k in settings.in_file and getattr(settings, k) == v for k, v in changes.items()):
            return  # as the file has it already
        try:
            self.settings = save_settings(self.path, **changes)
        except (SettingsError, OSError) as problem:
            self._app.notify(
                f"Not saved: {problem}", title="Settings", severity="warning", markup=False
            )


__all__ = ["Preferences", "binding_id", "rekeyed", "with_ids"]
