"""chronicle's Textual browser: it presents the store's `CorpusIndex` and reacts to keys."""

from tui.app import ChronicleApp

__all__ = ["ChronicleApp"]
