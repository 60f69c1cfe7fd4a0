"""The ASGI app: the web pages, the JSON API and its OpenAPI docs, over one store."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

import newsynth
from newsynth.serve import api, web
from newsynth.serve.briefs import Warmer
from newsynth.serve.guard import Guard
from newsynth.serve.service import ServeSettings, Service

log = logging.getLogger("newsynth.serve")


def create_app(settings: ServeSettings) -> FastAPI:
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        warmer = Warmer(service.briefs) if settings.warm else None
        if warmer:
            warmer.start()
        if settings.writes and settings.writer_process:
            service.writer.open_soon()  # the process takes a few seconds to start
        try:
            yield
        finally:
            if warmer:
                warmer.stop()
            service.close()

    app = FastAPIOffline(
        title="newsynth",
        version=newsynth.__version__,
        summary="Stories grouped from news articles, with cited, cross-checked briefs.",
        lifespan=lifespan,
        static_url="/static-docs",
    )
    app.state.service = service
    app.include_router(api.router)
    app.include_router(web.router)
    add_static(app)
    add_error_handlers(app)
    app.add_middleware(
        Guard,
        max_body_bytes=settings.max_body_bytes,
        body_timeout_s=settings.body_timeout_s,
        allowed_hosts=settings.allowed_hosts,
    )
    return app


def add_static(app: FastAPI) -> None:
    from newsynth.render.html import stylesheet

    @app.get("/static/brief.css", include_in_schema=False)
    def brief_css() -> Response:
        return Response(stylesheet(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    app.mount(
        "/static", StaticFiles(directory=str(files("newsynth.serve").joinpath("static"))), name="static"
    )


def one_line(text: object) -> str:
    return " ".join(str(text).split())


def add_error_handlers(app: FastAPI) -> None:
    """Every error is ``{"error": "one line"}`` with a 4xx status (or 500 for a bug of ours)."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": one_line(error.detail)}, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = error.errors()
        first = problems[0] if problems else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or "request"
        if first.get("type") == "json_invalid":
            where = "body: invalid JSON at character"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        return JSONResponse({"error": one_line(f"{where}: {first.get('msg')}{more}")}, status_code=422)
