"""`make run` checks its port before installing anything, and says how to use another."""

import shutil
import socket
import subprocess

import pytest

from tests.journeys import ROOT


@pytest.fixture
def make():
    if not shutil.which("make"):
        pytest.skip("needs make")
    return shutil.which("make")


def test_a_taken_port_is_reported_with_the_fix(make):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([make, "port-free", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"Port {port} on 127.0.0.1 is taken" in result.stderr
    assert f"make run PORT={port + 1}" in result.stderr


def test_a_free_port_passes_and_run_uses_it(make):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert subprocess.run([make, "port-free", f"PORT={port}"], cwd=ROOT, capture_output=True).returncode == 0
    # -n prints the commands; -W requirements.txt pretends it changed, so installing is among them.
    command = [make, "-n", "-W", "requirements.txt", "run", f"PORT={port}"]
    recipe = subprocess.run(command, cwd=ROOT, capture_output=True, text=True).stdout
    assert f"runserver 127.0.0.1:{port}" in recipe and f"SITE_URL=http://127.0.0.1:{port}" in recipe
    assert recipe.index("PORT_CHECK") < recipe.index("pip install")  # checked before installing
