"""Training the line model from ../shared/data, and scoring it by site-grouped cross-validation.

Examples: the lines of the labelled dev stories (content unless listed in ``boilerplate_lines``;
headlines are not labelled there, so they are left out) and the lines of the extraction benchmark's
pages, once as page text and once as HTML blocks (labels from the article body, see
``evaluate.extraction.content_lines``).

Groups: a benchmark page's site; dev stories joined when they share an outlet. Cross-validation folds
never split a group. A fixed fifth of the groups, picked by a hash of the group's name
(``held_aside``), is never trained or tuned on: its figures are reported apart. Everything is
deterministic: groups and folds are sorted, trees are grown with a fixed seed, one thread.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsynth.clean.classify import story_features
from newsynth.clean.features import COLUMN, FEATURES, HTML_FEATURES
from newsynth.clean.lines import DATELINE, Document, title_lines
from newsynth.clean.model import LineModel, TreeEnsemble, from_fitted_trees
from newsynth.clean.sites import site_key
from newsynth.evaluate.clean import Counts
from newsynth.evaluate.extraction import ExtractionScore, content_lines, extraction_score

HELD_ASIDE_SHARE = 5  # one group in five
FOLDS = 5


@dataclass(frozen=True)
class Settings:
    trees: int = 150
    depth: int = 5
    learning_rate: float = 0.1
    min_leaf: int = 20
    subsample: float = 1.0  # share of the rows each tree sees (drawn with the fixed seed)
    dev_weight: float = 4.0  # a dev line weighs as much as this many benchmark lines
    length_power: float = 0.0  # a benchmark line weighs (its words) ** this: the metric counts words


@dataclass
class Page:
    """One document's lines, ready for the model, with what is needed to score them."""

    group: str
    source: str  # "dev", "text" (benchmark page text) or "html" (benchmark HTML blocks)
    rows: np.ndarray
    content: np.ndarray  # the label of each line
    texts: list[str]
    titles: set[int] = field(default_factory=set)
    datelines: set[int] = field(default_factory=set)
    body: str = ""  # benchmark pages: the hand-made article body

    @property
    def trained(self) -> np.ndarray:
        """Rows used for training: all but the dev headlines (unlabelled there)."""
        mask = np.ones(len(self.texts), dtype=bool)
        if self.source == "dev":
            mask[list(self.titles)] = False
        return mask

    @property
    def kept(self) -> np.ndarray | None:
        return self.rows[:, COLUMN["trafilatura kept it"]] if self.source == "html" else None


def held_aside(group: str) -> bool:
    digest = hashlib.sha1(f"newsynth held-aside {group}".encode()).hexdigest()
    return int(digest, 16) % HELD_ASIDE_SHARE == 0


# -- examples --------------------------------------------------------------------------------------


def dev_pages(records: Sequence[Mapping[str, object]]) -> list[Page]:
    """The labelled documents of dev stories, each story's documents featurized together."""
    from newsynth.clean import article_document
    from newsynth.ingest import articles_from_documents

    groups = story_groups(records)
    pages = []
    for record in records:
        documents = [doc for doc in record.get("documents") or [] if isinstance(doc, Mapping)]
        if not documents:
            continue
        story = str(record.get("id") or "")
        articles = articles_from_documents(documents, story)
        parsed = [article_document(article) for article in articles]
        matrices, titles = story_features(parsed)
        for document, source, rows, title in zip(parsed, documents, matrices, titles, strict=True):
            labelled = {str(line).strip() for line in source.get("boilerplate_lines") or []}
            texts = [line.text for line in document.lines]
            pages.append(
                Page(
                    group=groups[story],
                    source="dev",
                    rows=rows,
                    content=np.array([text not in labelled for text in texts], dtype=bool),
                    texts=texts,
                    **marked_lines(document, title),
                )
            )
    return pages


def marked_lines(document: Document, title: int | None) -> dict[str, set[int]]:
    return {
        "titles": set(title_lines(document.lines, title)),
        "datelines": {i for i, line in enumerate(document.lines) if line.pattern_kind == DATELINE},
    }


def story_groups(records: Sequence[Mapping[str, object]]) -> dict[str, str]:
    """Each story's group: stories that share an outlet are one group, named by its first story id."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for record in records:
        story = f"story:{record.get('id')}"
        for document in record.get("documents") or []:
            if isinstance(document, Mapping):
                site = site_key(str(document.get("url") or document.get("outlet") or ""))
                if site:
                    first, second = sorted((root(story), root(f"site:{site}")))
                    parent[second] = first
    stories = [f"story:{record.get('id')}" for record in records]
    names: dict[str, str] = {}
    for story in sorted(stories):
        names.setdefault(root(story), "dev:" + story.removeprefix("story:"))
    return {story.removeprefix("story:"): names[root(story)] for story in stories}


def benchmark_pages(pages: Sequence[Mapping[str, str]], html: bool) -> list[Page]:
    """Benchmark pages as page text (each line) or as HTML (each block, trafilatura's text beside)."""
    from newsynth.clean import article_document
    from newsynth.ingest import article_from_text
    from newsynth.ingest.html import article_from_html

    documents = []
    for page in pages:
        url = page["url"] or None
        if html:
            article = article_from_html(page["html"], page["id"], url=url)
        else:
            article = article_from_text(page["page_text"], page["id"], url=url)
        documents.append(article_document(article))
    groups = ["site:" + (site_key(page["url"] or None) or page["id"]) for page in pages]
    out = []
    for page, document, group in zip(pages, documents, groups, strict=True):
        # each page is a story of its own; the site's other pages show which lines the site repeats
        same_site = [
            other for other, g in zip(documents, groups, strict=True) if g == group and other is not document
        ]
        (rows,), (title,) = story_features([document], same_site)
        texts = [line.text for line in document.lines]
        out.append(
            Page(
                group=group,
                source="html" if html else "text",
                rows=rows,
                content=np.array(content_lines(texts, page["article_body"]), dtype=bool),
                texts=texts,
                body=page["article_body"],
                **marked_lines(document, title),
            )
        )
    return out


# -- fitting ---------------------------------------------------------------------------------------


def fit(pages: Sequence[Page], settings: Settings, features: Sequence[str]) -> TreeEnsemble:
    """Gradient-boosted trees on the pages' training rows (deterministic: fixed seed, one thread)."""
    from sklearn.ensemble import GradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    rows = np.vstack([page.rows[page.trained] for page in pages])
    labels = np.concatenate([page.content[page.trained] for page in pages])
    weights = np.concatenate([line_weights(page, settings)[page.trained] for page in pages])
    classifier = GradientBoostingClassifier(
        n_estimators=settings.trees,
        max_depth=settings.depth,
        learning_rate=settings.learning_rate,
        min_samples_leaf=settings.min_leaf,
        subsample=settings.subsample,
        random_state=0,
    )
    with threadpool_limits(1):
        classifier.fit(rows, labels, sample_weight=weights)
    prior = float(np.average(labels, weights=weights))
    base = float(np.log(prior / (1 - prior)))
    trees = [estimator.tree_ for estimator in classifier.estimators_[:, 0]]
    return from_fitted_trees(features, base, settings.learning_rate, trees)


def line_weights(page: Page, settings: Settings) -> np.ndarray:
    if page.source == "dev":
        return np.full(len(page.texts), settings.dev_weight)
    words = np.expm1(page.rows[:, COLUMN["words"]])
    return np.maximum(words, 1.0) ** settings.length_power


def fit_model(pages: Sequence[Page], settings: Settings, thresholds: Mapping[str, float]) -> LineModel:
    text_pages = [page for page in pages if page.source in ("dev", "text")]
    html_pages = [page for page in pages if page.source == "html"]
    return LineModel(
        text=fit(text_pages, settings, FEATURES),
        html=fit(html_pages, settings, HTML_FEATURES),
        threshold=thresholds["threshold"],
        html_drop=thresholds["html_drop"],
        html_add=thresholds["html_add"],
    )


# -- scoring ---------------------------------------------------------------------------------------


@dataclass
class Scores:
    """Dev lines (boilerplate = positive class) and the benchmark's two paths."""

    dev: Counts
    text: ExtractionScore
    html: ExtractionScore

    def as_dict(self) -> dict[str, object]:
        return {
            "dev_lines": self.dev.as_dict(),
            "benchmark_text": self.text.as_dict(),
            "benchmark_html": self.html.as_dict(),
        }


def decisions(page: Page, probability: np.ndarray, thresholds: Mapping[str, float]) -> np.ndarray:
    """Which lines end up in the article body."""
    model = LineModel(text=None, html=None, **thresholds)  # type: ignore[arg-type]
    content = model.content(probability, page.kept)
    content[list(page.titles | page.datelines)] = False
    return content


def score(
    pages: Sequence[Page], probabilities: Sequence[np.ndarray], thresholds: Mapping[str, float]
) -> Scores:
    dev = Counts()
    extracted: dict[str, list[tuple[str, str]]] = {"text": [], "html": []}
    for page, probability in zip(pages, probabilities, strict=True):
        body = decisions(page, probability, thresholds)
        if page.source == "dev":
            kept = body.copy()
            kept[list(page.titles | page.datelines)] = True
            boilerplate, said = ~page.content, ~kept
            dev.true_positive += int((boilerplate & said).sum())
            dev.false_positive += int((~boilerplate & said).sum())
            dev.false_negative += int((boilerplate & ~said).sum())
        else:
            text = "\n".join(t for t, keep in zip(page.texts, body, strict=True) if keep)
            extracted[page.source].append((page.body, text))
    return Scores(dev, extraction_score(extracted["text"]), extraction_score(extracted["html"]))


def predict(model: LineModel, pages: Sequence[Page]) -> list[np.ndarray]:
    return [(model.html if page.source == "html" else model.text).probability(page.rows) for page in pages]


def cross_validated(
    pages: Sequence[Page], settings: Settings, progress: Callable[[Iterable], Iterable] = iter
) -> list[np.ndarray]:
    """Out-of-fold P(content) of every page: each fold's pages scored by models trained on the other
    folds' groups."""
    groups = sorted({page.group for page in pages})
    fold_of = {group: position % FOLDS for position, group in enumerate(stable_order(groups))}
    probabilities: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for fold in progress(range(FOLDS)):
        training = [page for page in pages if fold_of[page.group] != fold]
        model = fit_model(training, settings, DEFAULT_THRESHOLDS)
        for index, page in enumerate(pages):
            if fold_of[page.group] == fold:
                probabilities[index] = predict(model, [page])[0]
    return probabilities


def stable_order(groups: Sequence[str]) -> list[str]:
    """Groups in a fixed pseudo-random order (by hash), so that folds mix sites and stories."""
    return sorted(groups, key=lambda group: hashlib.sha1(group.encode()).hexdigest())


DEFAULT_THRESHOLDS = {"threshold": 0.5, "html_drop": 0.2, "html_add": 0.8}
TEXT_GRID = [round(0.05 * i, 2) for i in range(2, 19)]
DROP_GRID = [round(0.05 * i, 2) for i in range(1, 11)]
ADD_GRID = [round(0.05 * i, 2) for i in range(10, 20)]


def choose_thresholds(pages: Sequence[Page], probabilities: Sequence[np.ndarray]) -> dict[str, float]:
    """Thresholds that do best on out-of-fold predictions: page text by the mean of the dev-line F1
    and the benchmark's text-path F1, HTML by the benchmark's HTML-path F1."""
    text_only = [(p, q) for p, q in zip(pages, probabilities, strict=True) if p.source != "html"]
    html_only = [(p, q) for p, q in zip(pages, probabilities, strict=True) if p.source == "html"]

    def text_value(threshold: float) -> float:
        scores = score(*zip(*text_only, strict=True), {**DEFAULT_THRESHOLDS, "threshold": threshold})
        return (scores.dev.f1 + scores.text.f1) / 2

    def html_value(drop: float, add: float) -> float:
        thresholds = {**DEFAULT_THRESHOLDS, "html_drop": drop, "html_add": add}
        return score(*zip(*html_only, strict=True), thresholds).html.f1

    chosen = dict(DEFAULT_THRESHOLDS)
    if text_only:
        chosen["threshold"] = max(TEXT_GRID, key=text_value)
    if html_only:
        pairs = [(drop, add) for drop in DROP_GRID for add in ADD_GRID if drop <= add]
        chosen["html_drop"], chosen["html_add"] = max(pairs, key=lambda pair: html_value(*pair))
    return chosen


# -- the whole run ---------------------------------------------------------------------------------


@dataclass
class TrainingRun:
    model: LineModel
    cross_validated: Scores
    held_aside: Scores
    held_aside_groups: list[str]
    counts: dict[str, int]


def all_pages(records: Sequence[Mapping[str, object]], benchmark: Sequence[Mapping[str, str]]) -> list[Page]:
    return dev_pages(records) + benchmark_pages(benchmark, html=False) + benchmark_pages(benchmark, html=True)


def train(
    pages: Sequence[Page], settings: Settings = Settings(), progress: Callable[[Iterable], Iterable] = iter
) -> TrainingRun:
    """Cross-validate on the tuning groups (thresholds chosen on the out-of-fold predictions), fit the
    shipped model on all of them, and score it on the held-aside groups."""
    tuning = [page for page in pages if not held_aside(page.group)]
    aside = [page for page in pages if held_aside(page.group)]
    out_of_fold = cross_validated(tuning, settings, progress)
    thresholds = choose_thresholds(tuning, out_of_fold)
    model = fit_model(tuning, settings, thresholds)
    model.about = {
        "settings": settings.__dict__,
        "features": len(FEATURES),
        "html_features": len(HTML_FEATURES),
    }
    run = TrainingRun(
        model=model,
        cross_validated=score(tuning, out_of_fold, thresholds),
        held_aside=score(aside, predict(model, aside), thresholds),
        held_aside_groups=sorted({page.group for page in aside}),
        counts={
            "tuning pages": len(tuning),
            "tuning lines": sum(len(page.texts) for page in tuning),
            "held-aside pages": len(aside),
            "held-aside lines": sum(len(page.texts) for page in aside),
        },
    )
    model.about.update(
        {
            "cross_validated": run.cross_validated.as_dict(),
            "held_aside": run.held_aside.as_dict(),
            "held_aside_groups": run.held_aside_groups,
            "counts": run.counts,
        }
    )
    return run
