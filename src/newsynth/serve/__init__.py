"""Serve: a store's stories as a web app and a JSON API (FastAPI on uvicorn).

Interface:
    create_app(ServeSettings(store=PATH, ...)) -> ASGI app
    run(settings, host="127.0.0.1", port=8000)        # uvicorn, one process

Pages: ``/`` (stories, searchable and filtered), ``/stories/{id}`` (the brief and a timeline),
``/articles/{id}`` (cleaned text and removed lines); they update over ``/events`` as articles arrive.
API: ``GET /api/stories``, ``GET /api/stories/{id}``, ``POST /api/articles``, ``GET /healthz``;
OpenAPI at ``/openapi.json``, docs at ``/docs``.
"""

from __future__ import annotations

from newsynth.serve.service import ServeSettings

__all__ = ["ServeSettings", "create_app", "run"]


def create_app(settings: ServeSettings):
    from newsynth.serve.app import create_app as _create_app

    return _create_app(settings)


def run(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="warning",
        timeout_keep_alive=5,
        timeout_graceful_shutdown=3,
        limit_concurrency=200,
        h11_max_incomplete_event_size=64 * 1024,
    )
