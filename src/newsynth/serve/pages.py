"""The web app's HTML: the story list, a story's page and an article's page.

Every string that comes from an article, a feed or a request goes through ``esc``; the pages load
only this server's stylesheet and script (the Content-Security-Policy header says so too), so text
that looks like markup or script shows as text and never runs.
"""

from __future__ import annotations

from urllib.parse import urlencode
from zlib import crc32

from newsynth.records import Article, Brief
from newsynth.render.html import brief_body, esc
from newsynth.render.view import outlet_label, parse_date, plural, safe_url
from newsynth.store.reader import StoredArticle, StoryQuery, StoryRow

STRIP_OUTLETS = 12  # coloured marks in a story's coverage strip


def page(title: str, body: str, *, fragment: str | None = None, mark: int = 0, before: str = "") -> str:
    """A whole page; with ``fragment`` the ``#live`` part (``body``) reloads from that URL as articles
    arrive. ``before`` goes above it and stays as it is (a form being filled in, say)."""
    live = f' data-fragment="{esc(fragment)}" data-mark="{mark}"' if fragment else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · newsynth</title>\n"
        '<link rel="stylesheet" href="/static/brief.css">\n<link rel="stylesheet" href="/static/app.css">\n'
        '<script src="/static/app.js" defer></script>\n</head>\n<body>\n'
        '<nav class="bar"><a class="home" href="/">newsynth</a>'
        '<form class="search" action="/" method="get" role="search">'
        '<input type="search" name="q" placeholder="Search stories" aria-label="Search stories">'
        "</form>"
        '<span id="live-status" class="live-status" aria-live="polite"></span>'
        '<a href="/docs">API</a></nav>\n'
        f'<main>\n{before}<div id="live"{live}>\n{body}\n</div>\n</main>\n</body>\n</html>\n'
    )


# --- the story list -----------------------------------------------------------------------------


def list_page(
    rows: list[StoryRow], total: int, query: StoryQuery, outlets: list[tuple[str, int]], mark: int
) -> str:
    fragment = "/fragments/stories?" + urlencode(query_parameters(query))
    body = story_list(rows, total, query)
    return page("Stories", body, fragment=fragment, mark=mark, before=filters_form(query, outlets))


def story_list(rows: list[StoryRow], total: int, query: StoryQuery) -> str:
    """The part of the list page that live updates replace."""
    heading = plural(total, "story", "stories")
    if query.text:
        heading += f" matching “{esc(query.text)}”"
    if not rows:
        return f'<h1 class="count-line">{heading}</h1><p class="empty">No story matches.</p>'
    items = "\n".join(story_item(row) for row in rows)
    return (
        f'<h1 class="count-line">{heading}</h1>\n<ol class="stories" id="stories">\n{items}\n</ol>\n'
        + pager(total, query)
    )


def story_item(row: StoryRow) -> str:
    independent = (
        plural(row.independent, "independent source", "independent sources")
        if row.independent is not None
        else "independent sources pending"
    )
    facts = " · ".join(
        [
            plural(row.articles, "article", "articles"),
            plural(row.outlets, "outlet", "outlets"),
            independent,
            esc(row.date_span),
        ]
    )
    return (
        f'<li class="story" data-story="{esc(row.id)}">'
        f'<a class="title" href="/stories/{esc(row.id)}">{esc(row.title)}</a>'
        f'<div class="facts">{facts}</div>{coverage_strip(row.outlet_names)}</li>'
    )


def coverage_strip(outlets: list[str]) -> str:
    """One coloured mark per outlet (the colour follows the name), most active outlets first."""
    marks = "".join(
        f'<i style="background:hsl({crc32(name.encode()) % 360} 55% 50%)" title="{esc(name)}"></i>'
        for name in outlets[:STRIP_OUTLETS]
    )
    more = len(outlets) - STRIP_OUTLETS
    extra = f'<span class="more">+{more}</span>' if more > 0 else ""
    names = esc(", ".join(outlets))
    return f'<div class="strip" aria-label="Outlets: {names}">{marks}{extra}</div>'


def filters_form(query: StoryQuery, outlets: list[tuple[str, int]]) -> str:
    options = "".join(
        f'<option value="{esc(name)}"{selected(name == query.outlet)}>{esc(name)} ({count})</option>'
        for name, count in outlets
    )
    sorts = "".join(
        f'<option value="{name}"{selected(name == query.sort)}>{name}</option>'
        for name in ("newest", "biggest")
    )
    return (
        '<form class="filters" action="/" method="get">'
        f'<label>Search <input type="search" name="q" value="{esc(query.text)}"></label>'
        f'<label>Outlet <select name="outlet"><option value="">any</option>{options}</select></label>'
        f'<label>From <input type="date" name="since" value="{esc(query.since or "")}"></label>'
        f'<label>To <input type="date" name="until" value="{esc(query.until or "")}"></label>'
        f'<label>Order <select name="sort">{sorts}</select></label>'
        '<button type="submit">Show</button></form>'
    )


def selected(chosen: bool) -> str:
    return " selected" if chosen else ""


def pager(total: int, query: StoryQuery) -> str:
    pages = max(1, -(-total // query.per_page))
    if pages == 1:
        return ""
    links = []
    if query.page > 1:
        links.append(page_link(query, query.page - 1, "← newer"))
    links.append(f"<span>page {query.page} of {pages}</span>")
    if query.page < pages:
        links.append(page_link(query, query.page + 1, "older →"))
    return '<nav class="pager">' + " ".join(links) + "</nav>"


def page_link(query: StoryQuery, number: int, label: str) -> str:
    parameters = {**query_parameters(query), "page": str(number)}
    return f'<a href="/?{esc(urlencode(parameters))}">{label}</a>'


def query_parameters(query: StoryQuery) -> dict[str, str]:
    values = {
        "q": query.text,
        "outlet": query.outlet or "",
        "since": query.since or "",
        "until": query.until or "",
        "sort": query.sort if query.sort != "newest" else "",
        "page": str(query.page) if query.page != 1 else "",
    }
    return {key: value for key, value in values.items() if value}


# --- a story --------------------------------------------------------------------------------------


def story_page(row: StoryRow, body_html: str, mark: int) -> str:
    return page(row.title, body_html, fragment=f"/fragments/stories/{row.id}", mark=mark)


def story_body(brief: Brief, members: list[StoredArticle]) -> str:
    """The brief as the HTML renderer shows it, then the timeline of the articles (kept in the cache)."""
    return brief_body(brief) + "\n" + timeline(members)


def timeline(members: list[StoredArticle]) -> str:
    """When each article appeared: its publication date, else the day the store got it."""
    ordered = sorted(members, key=lambda m: (m.article.date or (m.arrived or "")[:10], m.seq))
    items = "\n".join(timeline_item(member) for member in ordered)
    return f'<section class="timeline">\n<h2>Timeline</h2>\n<ol>\n{items}\n</ol>\n</section>'


def timeline_item(member: StoredArticle) -> str:
    article = member.article
    when = article.date or "date unknown"
    arrived = f' <span class="note">· received {esc(member.arrived)}</span>' if member.arrived else ""
    title = esc(article.title or article.origin)
    return (
        f'<li><time datetime="{esc(article.date or "")}">{esc(when)}</time> '
        f'<span class="outlet">{esc(outlet_label(article))}</span> '
        f'<a href="/articles/{esc(article.id)}">{title}</a>{arrived}</li>'
    )


# --- an article -----------------------------------------------------------------------------------


def article_page(member: StoredArticle, article: Article, story_title: str) -> str:
    """The cleaned text (as cleaned beside the other articles of its story) and the removed lines."""
    meta = [f'<span class="outlet">{esc(outlet_label(article))}</span>']
    if article.date and parse_date(article.date):
        meta.append(f"<time>{esc(article.date)}</time>")
    if article.byline:
        meta.append(f"by {esc(article.byline)}")
    link = safe_url(article.url)
    if link:
        meta.append(f'<a href="{esc(link)}" rel="noopener noreferrer nofollow">original page</a>')
    notes = []
    if article.junk_reason:
        notes.append(f'<p class="note">Left out of the summary: {esc(article.junk_reason)}</p>')
    paragraphs = "\n".join(f"<p>{esc(part)}</p>" for part in article.clean_text.split("\n\n") if part.strip())
    paragraphs = paragraphs or '<p class="note">No article text left after cleaning.</p>'
    body = (
        f"<header>\n<h1>{esc(article.title or 'Untitled article')}</h1>\n"
        f'<p class="meta">{" · ".join(meta)}</p>\n'
        f'<p class="meta">In the story <a href="/stories/{esc(member.story_id)}">{esc(story_title)}</a></p>\n'
        f"</header>\n{''.join(notes)}"
        f'<section class="article-text">\n{paragraphs}'
        f"\n</section>\n{removed_section(article)}"
    )
    return page(article.title or "Article", body)


def removed_section(article: Article) -> str:
    if not article.removed_lines:
        return '<section class="removed"><h2>Removed lines</h2><p class="note">None.</p></section>'
    rows = "\n".join(
        f'<li><span class="reason">{esc(line.reason)}</span> {esc(line.text)}</li>'
        for line in article.removed_lines
    )
    return (
        f'<section class="removed">\n<h2>Removed lines ({len(article.removed_lines)})</h2>\n'
        f"<ul>\n{rows}\n</ul>\n</section>"
    )


def not_found_page(what: str) -> str:
    return page("Not found", f'<h1>Not found</h1><p class="note">{esc(what)}</p>')
