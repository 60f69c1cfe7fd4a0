"""`newsynth compare` (how the sources of one story compare) and `newsynth eval-compare`."""

from __future__ import annotations

import json

import click

from newsynth.cli.common import fail, warn_skipped, write_output


@click.command("compare")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--full-ner", is_flag=True, help="Label names with spaCy over every sentence (slower, ~150 ms)."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def compare_command(paths: tuple[str, ...], full_ner: bool, output: str | None) -> None:
    """Show what the articles in PATHS agree on, what only one reports, where they conflict, and quotes."""
    from newsynth.clean import clean_articles
    from newsynth.compare import compare_story
    from newsynth.compare.report import comparison_report
    from newsynth.group import single_story
    from newsynth.ingest import read_paths
    from newsynth.pipeline import story_title

    result = read_paths(paths)
    warn_skipped(result.skipped)
    if not result.articles:
        fail("no usable article in the input")
    story = single_story(clean_articles(result.articles))
    if not story.usable_articles:
        fail("no article had usable text after cleaning")
    comparison = compare_story(story, full_ner=full_ner)
    write_output(comparison_report(story, comparison, story_title(story)), output)


@click.command("eval-compare")
@click.argument("data", nargs=-1, required=True, metavar="DATA.jsonl...")
@click.option("--seed", type=int, default=None, help="Random seed for choosing plants (default: fixed).")
@click.option(
    "--per-kind", type=click.IntRange(min=1), default=None, help="Plants per kind, method and story."
)
@click.option(
    "--threshold", type=click.FloatRange(0, 1), default=None, help="Show conflicts from this confidence on."
)
@click.option("--cv", is_flag=True, help="Choose the threshold by cross-validation grouped by story family.")
@click.option(
    "--save-model",
    is_flag=True,
    help="With --cv: store the model fitted on all tuning families as the package's conflict model.",
)
@click.option("--show-misses", is_flag=True, help="List missed plants, flags and missed real conflicts.")
@click.option(
    "--loose-sites",
    is_flag=True,
    help="Plant also where two sentences merely share a value (the earlier sites), for comparison.",
)
def eval_compare_command(
    data: tuple[str, ...],
    seed: int | None,
    per_kind: int | None,
    threshold: float | None,
    cv: bool,
    save_model: bool,
    show_misses: bool,
    loose_sites: bool,
) -> None:
    """Plant contradictions into real stories (two methods) and check labelled real ones: recall, false
    alarms, precision (last line JSON)."""
    from newsynth.compare import SHOW_CONFIDENCE
    from newsynth.evaluate.compare import PLANTS_PER_KIND, SEED, Outcomes, evaluate_records
    from newsynth.summarize.batch import read_batch

    threshold = SHOW_CONFIDENCE if threshold is None else threshold
    if save_model and not cv:
        fail("--save-model needs --cv (the model is the one fitted by the cross-validation)")
    by_file: dict[str, Outcomes] = {}
    for path in data:
        records, problems = read_batch(path)
        for problem in problems:
            click.echo(f"newsynth: {problem}", err=True)
        records = [record for record in records if len(record.get("documents") or []) >= 2]
        if not records:
            fail(f"{path}: no story with two or more documents")
        by_file[path] = evaluate_records(
            records, SEED if seed is None else seed, per_kind or PLANTS_PER_KIND, strict_sites=not loose_sites
        )
    report: dict[str, object] = {"threshold": threshold, "files": {}}
    for path, outcomes in by_file.items():
        if show_misses:
            print_misses(outcomes, threshold)
        figures = outcomes.figures(threshold)
        print_figures(path, figures, outcomes.timings())
        report["files"][path] = {**figures.summary(), **outcomes.timings()}  # type: ignore[index]
    if cv:
        report["cv"] = print_cross_validation(by_file, save_model)
    click.echo(json.dumps(report))


def print_figures(title: str, figures, timings: dict) -> None:
    from newsynth.evaluate.compare import KINDS, METHODS

    click.echo(f"== {title}: {figures.stories} stories")
    click.echo(f"{'method':<11} {'kind':<7} {'planted':>8} {'recalled':>9} {'recall':>7}")
    for method in METHODS:
        for kind in (*KINDS, None):
            key = f"{method}/{kind}" if kind else method
            click.echo(
                f"{method:<11} {kind or 'all':<7} {figures.planted.get(key, 0):>8} "
                f"{figures.recalled.get(key, 0):>9} {figures.recall(key):>7.3f}"
            )
    if figures.unlabelled_stories:
        click.echo(
            f"unmodified stories without labels: {figures.unlabelled_stories}, "
            f"conflicts shown per story: {figures.flags_per_story:.3f}"
        )
    if figures.labelled:
        click.echo(
            f"real disagreements: {figures.labelled} labelled, {figures.found} found "
            f"(recall {figures.real_recall:.3f}); {figures.labelled_flags} shown, {figures.matching_flags} "
            f"matching a label (precision {figures.real_precision:.3f})"
        )
    click.echo(
        f"median compare time: {timings['median_ms']} ms "
        f"(stories of four articles: {timings['median_ms_four_articles']} ms)"
    )


def print_misses(outcomes, threshold: float) -> None:
    """List what was missed or flagged, except on the held-aside families: reading their misses would
    be tuning on them."""
    from newsynth.evaluate.compare.tuning import HELD_ASIDE

    hidden = [story for story in outcomes.stories if story.family in HELD_ASIDE]
    if hidden:
        click.echo(
            f"(misses of the {len(hidden)} stories of held-aside families {', '.join(HELD_ASIDE)} not listed)"
        )
    for story in outcomes.stories:
        if story.family in HELD_ASIDE:
            continue
        for outcome in story.plants:
            if outcome.confidence is None or outcome.confidence < threshold:
                plant = outcome.plant
                click.echo(
                    f"missed {plant.method} {plant.kind} ({outcome.confidence}): {plant.old_value} -> "
                    f"{plant.new_value} | {plant.modified}"
                )
        for flag in story.flags:
            state = "shown" if flag.confidence >= threshold else "hidden"
            verdict = "matches" if flag.matches else ("false" if story.labels else "unlabelled")
            click.echo(f"{state} {verdict} {flag.confidence:.2f} {story.id}: {flag.kind} {flag.description}")
        found = set().union(*(f.matches for f in story.flags if f.confidence >= threshold))
        for position, fact in enumerate(story.labels):
            if position not in found:
                click.echo(f"missed real {story.id}: {fact}")


def print_cross_validation(by_file: dict, save_model: bool = False) -> dict[str, object]:
    from newsynth.compare.slots import MODEL_PATH
    from newsynth.evaluate.compare import Outcomes
    from newsynth.evaluate.compare.tuning import cross_validate

    combined = Outcomes([story for outcomes in by_file.values() for story in outcomes.stories])
    result = cross_validate(combined)
    click.echo(f"== cross-validation grouped by family ({len(result.tuning_families)} tuning families)")
    click.echo(
        "thresholds chosen without each family: " + ", ".join(f"{f} {t}" for f, t in result.folds.items())
    )
    print_figures("CV (each family scored at the threshold chosen without it)", result.pooled, _no_times())
    click.echo(f"fitted on all tuning families: threshold {result.final_threshold}, model per kind:")
    for kind, weights in result.model.to_dict().items():
        click.echo(f"  {kind}: " + ", ".join(f"{name} {weight}" for name, weight in weights.items()))
    if save_model:
        result.model.save(MODEL_PATH)
        click.echo(f"saved the model to {MODEL_PATH} (set records.SHOW_CONFIDENCE to the threshold)")
    print_figures(
        f"held aside ({', '.join(result.held_aside_families)}) at {result.final_threshold}",
        result.held_aside,
        _no_times(),
    )
    return {
        "folds": result.folds,
        "pooled": result.pooled.summary(),
        "final_threshold": result.final_threshold,
        "model": result.model.to_dict(),
        "held_aside_families": result.held_aside_families,
        "held_aside": result.held_aside.summary(),
    }


def _no_times() -> dict[str, None]:
    return {"median_ms": None, "median_ms_four_articles": None}
