"""CivicDesk: the register of social organizations for civil-affairs bureaus."""

from pathlib import Path

__version__ = "0.1.0"

#: Top-level ``resources/`` folder (reference data, dictionaries, icons).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
