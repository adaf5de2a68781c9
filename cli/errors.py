"""The one-line error every command prints, in a module of its own so that a command that
needs only it does not load another command's (list's tables, rich)."""

from __future__ import annotations

import sys

from extract.display import printable


def error(message: str, status: int = 1) -> int:
    """Print `chronicle: MESSAGE` (its control characters made visible) on stderr; returns
    `status`, the command's exit status."""
    print(f"chronicle: {printable(message)}", file=sys.stderr)
    return status
