"""The bundled demo corpus: five articles on the Geneva peace talks, November 2025."""
