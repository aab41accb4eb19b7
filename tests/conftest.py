"""Shared pytest configuration: offline model loading and paths to the real fixture archives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.standin_fixture import standin, standin_shared  # noqa: F401 - re-exported fixtures

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ARCHIVES_DIR = PROJECT_ROOT.parent / "shared" / "fixtures" / "archives"


@pytest.fixture(scope="session")
def archives_dir() -> Path:
    """The folder of the three real archives, skipping the test where the shared fixtures are absent."""
    if not ARCHIVES_DIR.is_dir():
        pytest.skip(f"real archives not found at {ARCHIVES_DIR}")
    return ARCHIVES_DIR
