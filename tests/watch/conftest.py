from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.watch.site import RunningSite, Site


@pytest.fixture
def site() -> Iterator[Site]:
    with RunningSite() as running:
        yield running
