"""Finding a client program: skip locally when it is missing, fail on CI (which installs it)."""

from __future__ import annotations

import os
import shutil

import pytest

INSTALL_HINT = "tests/clients/install.sh"


def require(program: str) -> str:
    """The program's path; otherwise skip (locally) or fail (when CI=true)."""
    path = shutil.which(program)
    if path:
        return path
    reason = f"{program} is not installed (run {INSTALL_HINT})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must install it", pytrace=False)
    pytest.skip(reason)
