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
def eval_command(data: str, systems: str) -> None:
    """Score summaries against the references (budget = reference word count, ROUGE F1 with stemming)."""
    from newsynth.evaluate.summaries import evaluate
    from newsynth.summarize.batch import read_batch

    names = [name.strip() for name in systems.split(",") if name.strip()]
    unknown = sorted(set(names) - set(SYSTEM_NAMES))
    if unknown:
        fail(f"unknown system(s): {', '.join(unknown)}; choose from {', '.join(SYSTEM_NAMES)}")
    records, problems = read_batch(data)
    records = [r for r in records if r.get("summary")]
    for problem in problems:
        click.echo(f"newsynth: {problem}", err=True)
    if not records:
        fail(f"{data}: no record with documents and a reference summary")
    results = evaluate(records, names)
    click.echo(f"{'system':<15} {'R1':>6} {'R2':>6} {'RLsum':>6}   ({len(records)} stories)")
    for name, scores in results.items():
        click.echo(
            f"{name:<15} {scores['rouge1']:>6.2f} {scores['rouge2']:>6.2f} {scores['rougeLsum']:>6.2f}"
        )
    click.echo(json.dumps({"stories": len(records), "rouge_f1": results}))
