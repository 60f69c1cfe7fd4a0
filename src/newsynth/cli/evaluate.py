"""`newsynth eval`: ROUGE of newsynth and baselines on a Multi-News style JSONL file."""

from __future__ import annotations

import json

import click

from newsynth.cli.common import fail

# named here, not imported from newsynth.evaluate, so that start-up loads no NLP code
SYSTEM_NAMES = ("newsynth", "newsynth-strict", "lead", "lexrank", "textrank")


@click.command("eval")
@click.argument("data", metavar="DATA.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--systems",
    default=",".join(SYSTEM_NAMES),
    show_default=True,
    help="Comma-separated systems to score.",
)
@click.option(
    "--budget-scales",
    default="1",
    show_default=True,
    help="Comma-separated factors of the reference word count to score at; with several, the mean "
    "over them is printed last (steadier than one budget for comparing settings).",
)
def eval_command(data: str, systems: str, budget_scales: str) -> None:
    """Score summaries against the references (budget = reference word count, ROUGE F1 with stemming)."""
    from newsynth.evaluate.summaries import evaluate, mean_over_budgets
    from newsynth.summarize.batch import read_batch

    names = [name.strip() for name in systems.split(",") if name.strip()]
    unknown = sorted(set(names) - set(SYSTEM_NAMES))
    if unknown:
        fail(f"unknown system(s): {', '.join(unknown)}; choose from {', '.join(SYSTEM_NAMES)}")
    scales = parse_scales(budget_scales)
    records, problems = read_batch(data)
    records = [r for r in records if r.get("summary")]
    for problem in problems:
        click.echo(f"newsynth: {problem}", err=True)
    if not records:
        fail(f"{data}: no record with documents and a reference summary")
    if scales == [1.0]:
        results = evaluate(records, names)
        print_table(results, f"({len(records)} stories)")
        click.echo(json.dumps({"stories": len(records), "rouge_f1": results}))
        return
    by_scale = {scale: evaluate(records, names, budget_scale=scale) for scale in scales}
    for scale, results in by_scale.items():
        print_table(results, f"(budget x{scale:g}, {len(records)} stories)")
    mean = mean_over_budgets(list(by_scale.values()))
    print_table(mean, f"(mean over budgets x{', x'.join(f'{s:g}' for s in scales)})")
    figures = {f"{scale:g}": results for scale, results in by_scale.items()}
    click.echo(
        json.dumps({"stories": len(records), "rouge_f1_by_budget_scale": figures, "rouge_f1_mean": mean})
    )


def parse_scales(text: str) -> list[float]:
    try:
        scales = [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        fail(f"--budget-scales: {text!r} is not a comma-separated list of numbers")
    if not scales or any(scale <= 0 for scale in scales):
        fail(f"--budget-scales: {text!r} needs one or more positive factors")
    return scales


def print_table(results: dict[str, dict[str, float]], caption: str) -> None:
    click.echo(f"{'system':<15} {'R1':>6} {'R2':>6} {'RLsum':>6}   {caption}")
    for name, scores in results.items():
        click.echo(
            f"{name:<15} {scores['rouge1']:>6.2f} {scores['rouge2']:>6.2f} {scores['rougeLsum']:>6.2f}"
        )
