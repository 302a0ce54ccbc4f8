"""The type stubs match the module (mypy's stubtest), and a type checker reads them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("mypy")


def test_stubs_match_the_runtime_module(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "syria_extract._native", "syria_extract.types"],
        capture_output=True, text=True, cwd=tmp_path,  # its cache goes there
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_type_checker_flags_a_wrong_call(tmp_path):
    use = tmp_path / "use.py"
    use.write_text(
        textwrap.dedent(
            """
            import datetime
            from syria_extract import Document, Extractor

            ex = Extractor(files=[])
            doc: Document = ex.extract("نص", date=datetime.date(2019, 5, 20))
            names: list[str] = [e["name"] for e in doc["entities"]]
            rows = ex.acled_batch(["نص"], ["a"], dates="2019-05-20", timestamp=1)
            df = ex.acled_dataframe(["نص"], [1])
            ex.extract(5)
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--ignore-missing-imports", str(use)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    errors = [x for x in done.stdout.splitlines() if ": error:" in x]
    assert len(errors) == 1 and 'incompatible type "int"; expected "str"' in errors[0], done.stdout
