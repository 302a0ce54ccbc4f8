"""Shared fixtures: one extractor, the CLI binary, the test articles."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import syria_extract

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def extractor() -> syria_extract.Extractor:
    return syria_extract.Extractor()


def _cli_path() -> Path | None:
    given = os.environ.get("SYRIA_EXTRACT_CLI")
    if given:
        return Path(given)
    for profile in ("release", "debug"):
        candidate = REPO / "target" / profile / "syria-extract"
        if candidate.is_file():
            return candidate
    found = shutil.which("syria-extract")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def cli() -> Path:
    """The syria-extract binary: $SYRIA_EXTRACT_CLI, else target/{release,debug}, else
    PATH. Missing, the tests that compare with it skip, unless
    SYRIA_EXTRACT_REQUIRE_CLI=1 (as in CI), where they fail."""
    path = _cli_path()
    if path is None or not path.is_file():
        message = "syria-extract binary not found (cargo build -p syria-extract-cli)"
        if os.environ.get("SYRIA_EXTRACT_REQUIRE_CLI") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run_cli(cli: Path, *args: str | os.PathLike[str], status: int = 0) -> str:
    """The CLI's standard output; its exit status must be ``status`` (1 when an
    archive holds a bad line)."""
    done = subprocess.run(
        [str(cli), *map(str, args)], capture_output=True, text=True, check=False
    )
    assert done.returncode == status, done.stderr
    return done.stdout
