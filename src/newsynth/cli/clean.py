"""`newsynth clean` (cleaned text of articles) and `newsynth eval-clean` (boilerplate scores)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsynth.cli.common import fail, warn_skipped, write_output


@click.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("--explain", is_flag=True, help="List each removed line with the reason.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def clean_command(paths: tuple[str, ...], explain: bool, output: str | None) -> None:
    """Print the cleaned text of the articles in PATHS (files, folders, or - for stdin), cleaned together."""
    from newsynth.clean import classify_articles, clean_articles
    from newsynth.ingest import read_paths

    result = read_paths(paths)
    warn_skipped(result.skipped)
    if not result.articles:
        fail("no usable article in the input")
    evidence = model_evidence(classify_articles(result.articles, with_evidence=True)) if explain else {}
    articles = clean_articles(result.articles)
    by_id = {article.id: article for article in articles}
    blocks = [format_article(article, by_id, explain, evidence) for article in articles]
    write_output("\n\n".join(blocks) + "\n", output)


def model_evidence(documents) -> dict[str, str]:
    """Per removed line's text: the model's P(content) and its strongest reasons against content."""
    return {
        line.text: f"P(content) {line.probability:.2f}; " + ", ".join(line.evidence)
        for document in documents
        for line in document.lines
        if line.evidence
    }


def format_article(article, by_id: dict, explain: bool, evidence: dict[str, str]) -> str:
    lines = [f"== {article.origin}"]
    for label, value in (
        ("title", article.title),
        ("outlet", article.outlet),
        ("date", article.date),
        ("byline", article.byline),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if article.junk_reason:
        lines.append(f"dropped: {article.junk_reason}")
    if article.copy_of and article.copy_of in by_id:
        lines.append(f"copy of: {by_id[article.copy_of].origin}")
    lines.append(f"removed lines: {len(article.removed_lines)}")
    if explain:
        for removed in article.removed_lines:
            lines.append(f"  - [{removed.reason}] {removed.text}")
            if removed.text in evidence:
                lines.append(f"      model: {evidence[removed.text]}")
    lines.append("")
    lines.append(article.clean_text or "(no article text left)")
    return "\n".join(lines)


DEFAULT_BENCHMARK = "extraction-dev.jsonl.gz"  # looked for beside DATA.jsonl


@click.command("eval-clean")
@click.argument("data", metavar="DATA.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--benchmark",
    type=click.Path(dir_okay=False),
    help=f"Article-extraction benchmark pages (default: {DEFAULT_BENCHMARK} beside DATA.jsonl, when there).",
)
@click.option("--cv", is_flag=True, help="Run the site-grouped cross-validation now (a few minutes).")
@click.option("--list-junk", is_flag=True, help="Also list the documents flagged junk or copies.")
def eval_clean_command(data: str, benchmark: str | None, cv: bool, list_junk: bool) -> None:
    """Line-level precision, recall and F1 of boilerplate removal against `boilerplate_lines`; the
    extraction benchmark's F1 beside no cleaning, jusText and trafilatura; cross-validated figures."""
    from newsynth.evaluate.clean import evaluate_clean
    from newsynth.summarize.batch import read_batch

    records, problems = read_batch(data)
    for problem in problems:
        click.echo(f"newsynth: {problem}", err=True)
    records = [record for record in records if any(isinstance(d, dict) for d in record["documents"])]
    if not records:
        fail(f"{data}: no record with labelled documents")
    pages = benchmark_pages(
        benchmark or str(Path(data).with_name(DEFAULT_BENCHMARK)), required=bool(benchmark)
    )
    report = evaluate_clean(records)
    figures = report.as_dict()
    print_lines_report(report, list_junk)
    if pages:
        from newsynth.evaluate.clean import evaluate_benchmark

        bench = evaluate_benchmark(pages)
        print_benchmark(bench)
        figures["benchmark"] = bench.as_dict()
    figures["cross_validated"] = cross_validated_figures(records, pages, cv)
    click.echo(json.dumps(figures))


def benchmark_pages(path: str, required: bool) -> list[dict[str, str]]:
    from newsynth.evaluate.extraction import read_pages

    if not Path(path).is_file():
        if required:
            fail(f"{path}: no such file")
        return []
    try:
        return read_pages(path)
    except (OSError, ValueError, EOFError) as error:
        fail(f"{path}: {error}")


def print_lines_report(report, list_junk: bool) -> None:
    click.echo(
        f"{report.stories} stories, {report.documents} documents, {report.lines} lines, "
        f"{report.boilerplate_lines} labelled boilerplate (positive class)"
    )
    click.echo(f"{'system':<14} {'precision':>9} {'recall':>7} {'F1':>7} {'TP':>5} {'FP':>5} {'FN':>5}")
    for name, counts in report.systems.items():
        click.echo(
            f"{name:<14} {counts.precision:>9.3f} {counts.recall:>7.3f} {counts.f1:>7.3f} "
            f"{counts.true_positive:>5} {counts.false_positive:>5} {counts.false_negative:>5}"
        )
    click.echo(
        f"clean_articles: {report.median_ms_per_story:.2f} ms CPU per story (median, best of runs; "
        f"{report.mean_words_per_story:.0f} words per story on average)"
    )
    click.echo(f"documents dropped as junk: {len(report.junk)}; wire copies: {len(report.copies)}")
    if list_junk:
        for origin, reason in report.junk:
            click.echo(f"  junk  {origin}: {reason}")
        for origin, original in report.copies:
            click.echo(f"  copy  {origin} of {original}")


def print_benchmark(bench) -> None:
    click.echo(
        f"\nextraction benchmark, {bench.pages} pages: F1 (precision / recall) of the 4-token shingles; "
        f"'held aside': the {bench.held_aside_pages} pages of sites the model never saw"
    )
    click.echo(f"{'system':<22} {'all pages':>22} {'held aside':>22}")
    for key, score in bench.all_pages.items():
        aside = bench.held_aside[key]
        click.echo(
            f"{key:<22} {score.f1:>8.3f} ({score.precision:.3f} / {score.recall:.3f})"
            f" {aside.f1:>8.3f} ({aside.precision:.3f} / {aside.recall:.3f})"
        )


def cross_validated_figures(records: list, pages: list[dict[str, str]], rerun: bool) -> dict:
    """Site-grouped cross-validation: recorded by train-clean, or run again with --cv."""
    from newsynth.clean.model import line_model

    if rerun and pages:
        from tqdm import tqdm

        from newsynth.clean.train import (
            Settings,
            all_pages,
            choose_thresholds,
            cross_validated,
            held_aside,
            score,
        )

        tuning = [page for page in all_pages(records, pages) if not held_aside(page.group)]
        settings = Settings(**line_model().about.get("settings", {}))
        out_of_fold = cross_validated(tuning, settings, lambda folds: tqdm(folds, desc="cv", unit="fold"))
        figures = score(tuning, out_of_fold, choose_thresholds(tuning, out_of_fold)).as_dict()
        origin = "run now"
    else:
        figures = line_model().about.get("cross_validated", {})
        origin = "recorded by newsynth train-clean"
    print_training_figures(f"site-grouped {FOLDS_TEXT} cross-validation ({origin})", figures)
    return figures


FOLDS_TEXT = "5-fold"


def print_training_figures(caption: str, figures: dict) -> None:
    if not figures:
        return
    dev, text, html = figures["dev_lines"], figures["benchmark_text"], figures["benchmark_html"]
    click.echo(f"\n{caption}:")
    click.echo(
        f"  dev lines P / R / F1 {dev['precision']:.3f} / {dev['recall']:.3f} / {dev['f1']:.3f}; "
        f"benchmark text F1 {text['f1']:.3f} ({text['precision']:.3f} / {text['recall']:.3f}); "
        f"HTML F1 {html['f1']:.3f} ({html['precision']:.3f} / {html['recall']:.3f})"
    )


@click.command("train-clean")
@click.option(
    "--data",
    default="../shared/data",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder with dev.jsonl and extraction-dev.jsonl.gz.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Model file (default: the packaged one)."
)
def train_clean_command(data: str, output: str | None) -> None:
    """Train the clean stage's line model: site-grouped cross-validation, thresholds, the model file."""
    from tqdm import tqdm

    from newsynth.clean.model import MODEL_PATH
    from newsynth.clean.train import all_pages, train
    from newsynth.summarize.batch import read_batch

    dev_path, bench_path = Path(data) / "dev.jsonl", Path(data) / DEFAULT_BENCHMARK
    for path in (dev_path, bench_path):
        if not path.is_file():
            fail(f"{path}: no such file (train-clean reads the labelled data of ../shared/data)")
    records, problems = read_batch(str(dev_path))
    for problem in problems:
        click.echo(f"newsynth: {problem}", err=True)
    pages = all_pages(records, benchmark_pages(str(bench_path), required=True))
    run = train(pages, progress=lambda folds: tqdm(folds, desc="cross-validation", unit="fold"))
    target = Path(output) if output else MODEL_PATH
    text = json.dumps(run.model.as_dict(), separators=(",", ":")) + "\n"
    write_output(text, str(target))
    click.echo(f"model written to {target} ({len(text) // 1024} KiB)")
    click.echo(", ".join(f"{value} {name}" for name, value in run.counts.items()))
    click.echo(f"held-aside groups: {', '.join(run.held_aside_groups)}")
    click.echo(
        f"thresholds: text {run.model.threshold}, HTML drop below {run.model.html_drop}, "
        f"add from {run.model.html_add}"
    )
    print_training_figures("site-grouped 5-fold cross-validation", run.cross_validated.as_dict())
    print_training_figures("held aside (never trained or tuned on)", run.held_aside.as_dict())
    click.echo(json.dumps(run.model.about))
