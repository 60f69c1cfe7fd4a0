from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsynth.serve import ServeSettings, create_app
from tests.serve.fixtures import fill_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note that its test client will move to httpx2
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store.sqlite"
    fill_store(path)
    return path


def client_for(settings: ServeSettings) -> TestClient:
    """A test client; posted articles are added by a thread (the server's default, a child process,
    is what the browser and together tests run)."""
    settings.writer_process = False
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture
def client(filled_store: Path) -> Iterator[TestClient]:
    with client_for(ServeSettings(store=filled_store, warm=False, events_seconds=0.5)) as test_client:
        yield test_client
