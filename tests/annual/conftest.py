import pytest

from tests.annual import builders as test_builders


@pytest.fixture
def builders(monkeypatch):
    """The tests' own section builders in place of annual/sections/ (see builders.py)."""
    monkeypatch.setattr("annual.assemble.builder", test_builders.builder)
    return test_builders
