"""What every command pays before its work: the modules the CLI imports."""

from __future__ import annotations

import json
import subprocess
import sys


def test_the_cli_imports_no_pyarrow_until_a_command_needs_it():
    """pyarrow (~0.05 s of CPU past numpy, which the CLI imports anyway) is for exports and
    Parquet; `run` writes DuckDB rows without it."""
    script = "import json, sys; import eventscope.cli; print(json.dumps('pyarrow' in sys.modules))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) is False
