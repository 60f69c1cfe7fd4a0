"""The JSON API: stories (paged, searchable), a story's brief, posting articles, health."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from newsynth.serve.service import Service, current_service, service_of, story_query
from newsynth.store.reader import StoryQuery, StoryRow

router = APIRouter()
STORY_ID = Path(pattern=r"^[\w-]{1,80}$", description="A story id from /api/stories.")
META_LENGTH = 2_000


class ArticleIn(BaseModel):
    """One article, as in a .json input file: ``text`` or ``html``, and optional metadata."""

    model_config = ConfigDict(extra="ignore")
    text: str | None = Field(None, description="The page text as scraped (or give html).")
    html: str | None = Field(None, description="The page's HTML; its main text is extracted.")
    url: str | None = Field(None, max_length=META_LENGTH)
    title: str | None = Field(None, max_length=META_LENGTH)
    outlet: str | None = Field(None, max_length=META_LENGTH)
    date: str | None = Field(None, max_length=100, description="Publication date, ISO 8601 preferred.")
    byline: str | None = Field(None, max_length=META_LENGTH)


class PostedOut(BaseModel):
    id: str = Field(description="The stored article's id (/articles/{id}); an earlier copy's if a repeat.")
    story_id: str
    added: bool = Field(description="False when the same text was already in the store.")


class PostResult(BaseModel):
    articles: list[PostedOut]
    story_ids: list[str] = Field(description="The stories the articles are in, each once, in order.")


class StoryOut(BaseModel):
    id: str
    title: str
    articles: int
    outlets: int
    independent_sources: int | None = Field(description="Null until the story's brief has been built.")
    first_day: str | None
    last_day: str | None
    outlet_names: list[str]
    version: int = Field(description="Grows by one whenever the story changes.")


class StoryPage(BaseModel):
    total: int
    page: int
    per_page: int
    stories: list[StoryOut]


class Health(BaseModel):
    status: str
    articles: int
    stories: int


def story_out(row: StoryRow) -> StoryOut:
    return StoryOut(
        id=row.id,
        title=row.title,
        articles=row.articles,
        outlets=row.outlets,
        independent_sources=row.independent,
        first_day=row.first_day,
        last_day=row.last_day,
        outlet_names=row.outlet_names,
        version=row.version,
    )


@router.get("/api/stories", response_model=StoryPage, summary="Stories, newest and biggest first")
async def list_stories(
    query: Annotated[StoryQuery, Depends(story_query)],
    service: Annotated[Service, Depends(current_service)],
) -> Response:
    def render(rows: list[StoryRow], total: int, query: StoryQuery, _mark: int) -> str:
        stories = [story_out(row) for row in rows]
        return StoryPage(
            total=total, page=query.page, per_page=query.per_page, stories=stories
        ).model_dump_json()

    return Response(await service.listing("api", query, render), media_type="application/json")


@router.get(
    "/api/stories/{story_id}",
    summary="A story's brief (the JSON of docs/brief.schema.json)",
    responses={200: {"content": {"application/json": {}}}, 404: {"description": "No such story"}},
)
async def story_brief(
    service: Annotated[Service, Depends(current_service)], story_id: Annotated[str, STORY_ID]
) -> Response:
    cached = await run_in_threadpool(service.briefs.get, story_id)
    if cached is None:
        raise HTTPException(404, f"no story {story_id}")
    return Response(cached.brief_json, media_type="application/json")


def require_write_access(request: Request) -> None:
    service = service_of(request)
    if not service.settings.writes:
        raise HTTPException(403, "writes are off: serving beyond this machine needs --token")
    token = service.settings.token
    if token:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(401, "missing or wrong API token (Authorization: Bearer TOKEN)")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":  # also keeps other sites' plain form posts out
        raise HTTPException(415, "send JSON (Content-Type: application/json)")


@router.post(
    "/api/articles",
    response_model=PostResult,
    summary="Add articles; returns the story each one joined",
    dependencies=[Depends(require_write_access)],
)
async def post_articles(
    request: Request,
    response: Response,
    body: Annotated[ArticleIn | list[ArticleIn], Body(description="One article or a list of them.")],
) -> PostResult:
    service = service_of(request)
    items = body if isinstance(body, list) else [body]
    if not items:
        raise HTTPException(422, "empty list: send one article or more")
    if len(items) > service.settings.max_articles_per_post:
        raise HTTPException(413, f"at most {service.settings.max_articles_per_post} articles per request")
    listed = isinstance(body, list)
    articles = [
        service.article_from_input(item.model_dump(exclude_none=True), f"article {n}: " if listed else "")
        for n, item in enumerate(items, start=1)
    ]
    posted = await service.writer.add(articles)
    response.status_code = 201 if any(item.added for item in posted) else 200
    return PostResult(
        articles=[PostedOut(id=p.id, story_id=p.story_id, added=p.added) for p in posted],
        story_ids=list(dict.fromkeys(p.story_id for p in posted)),
    )


@router.get("/healthz", response_model=Health, summary="The server is up and reads its store")
async def health(service: Annotated[Service, Depends(current_service)]) -> Health:
    articles, stories = service.reader.counts()
    return Health(status="ok", articles=articles, stories=stories)
