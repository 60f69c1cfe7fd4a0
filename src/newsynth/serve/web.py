"""The HTML routes: the story list, story and article pages, their live fragments and the event stream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, StreamingResponse

from newsynth.serve import pages
from newsynth.serve.service import Service, current_service, story_query
from newsynth.store.reader import StoryQuery, StoryRow

router = APIRouter(include_in_schema=False)
STORY_ID = Path(pattern=r"^[\w-]{1,80}$")
ARTICLE_ID = Path(pattern=r"^[\w-]{1,80}$")
HEARTBEAT_S = 15.0


@router.get("/", response_class=HTMLResponse)
async def story_list_page(
    query: Annotated[StoryQuery, Depends(story_query)], service: Annotated[Service, Depends(current_service)]
) -> HTMLResponse:
    def render(rows: list[StoryRow], total: int, query: StoryQuery, mark: int) -> str:
        return pages.list_page(rows, total, query, service.reader.outlets(), mark)

    return HTMLResponse(await service.listing("page", query, render))


@router.get("/fragments/stories", response_class=HTMLResponse)
async def story_list_fragment(
    query: Annotated[StoryQuery, Depends(story_query)], service: Annotated[Service, Depends(current_service)]
) -> HTMLResponse:
    def render(rows: list[StoryRow], total: int, query: StoryQuery, _mark: int) -> str:
        return pages.story_list(rows, total, query)

    return HTMLResponse(await service.listing("fragment", query, render))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(
    story_id: Annotated[str, STORY_ID], service: Annotated[Service, Depends(current_service)]
) -> HTMLResponse:
    found = await run_in_threadpool(service.story_and_brief, story_id)
    if found is None:
        return HTMLResponse(pages.not_found_page(f"No story {story_id}."), status_code=404)
    mark, row, cached = found
    return HTMLResponse(pages.story_page(row, cached.body_html, mark))


@router.get("/fragments/stories/{story_id}", response_class=HTMLResponse)
async def story_fragment(
    story_id: Annotated[str, STORY_ID], service: Annotated[Service, Depends(current_service)]
) -> HTMLResponse:
    cached = await run_in_threadpool(service.briefs.get, story_id)
    if cached is None:
        return HTMLResponse("", status_code=404)
    return HTMLResponse(cached.body_html)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article_page(
    article_id: Annotated[str, ARTICLE_ID], service: Annotated[Service, Depends(current_service)]
) -> HTMLResponse:
    found = await run_in_threadpool(cleaned_article, service, article_id)
    if found is None:
        return HTMLResponse(pages.not_found_page(f"No article {article_id}."), status_code=404)
    return HTMLResponse(found)


def cleaned_article(service: Service, article_id: str) -> str | None:
    """The article's page, cleaned beside the other articles of its story (as its brief cleans it)."""
    from newsynth.clean import clean_articles

    member = service.reader.article(article_id)
    if member is None:
        return None
    found = service.reader.story_with_articles(member.story_id)
    if found is None:
        return None
    row, members = found
    articles = [m.article for m in members]
    clean_articles(articles)
    cleaned = next(article for article in articles if article.id == article_id)
    return pages.article_page(member, cleaned, row.title)


@router.get("/events")
async def events(
    request: Request,
    service: Annotated[Service, Depends(current_service)],
    since: Annotated[int, Query(ge=0)] = 0,
) -> StreamingResponse:
    """Server-sent events: ``change`` whenever the store gains articles (from any writer)."""
    return StreamingResponse(
        change_events(request, service, since),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def change_events(request: Request, service: Service, mark: int) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    settings = service.settings
    deadline = loop.time() + settings.events_seconds
    last_sent = loop.time()
    yield "retry: 3000\n\n"
    while loop.time() < deadline and not await request.is_disconnected():
        current = service.reader.change_mark()
        if current != mark:
            mark = current
            last_sent = loop.time()
            yield f"event: change\ndata: {current}\n\n"
        elif loop.time() - last_sent > HEARTBEAT_S:
            last_sent = loop.time()
            yield ": still here\n\n"
        await asyncio.sleep(settings.events_poll_s)
