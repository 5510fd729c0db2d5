"""``whimbrel demo``: code the bundled sample stories into the database and show what came out."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from .data_files import data_path


def sample_paths() -> list[Path]:
    folder = data_path("samples")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def run_demo(db: Path) -> None:
    from . import get_coder
    from .batch import RunReport, run
    from .ingest import read_inputs
    from .store import Store

    console = Console()
    paths = sample_paths()
    console.print(f"[bold]Whimbrel demo[/bold]: coding {len(paths)} bundled sample stories into {db}")
    report = RunReport()
    with Store(db) as store:
        run(read_inputs(str(p) for p in paths), get_coder().code, report=report, on_batch=store.add,
            skip_known=store.known_hashes)
        console.print(report.summary())
        dyads = store.con.execute(
            """SELECT coalesce(actor_codes[1], '?') AS actor, coalesce(recipient_codes[1], '-') AS recipient,
                      event_type, count(*) AS n
               FROM events GROUP BY ALL ORDER BY n DESC, actor, recipient, event_type LIMIT 25"""
        ).fetchall()
        examples = store.con.execute(
            """SELECT event_type, coalesce(actor_codes[1], '?'), coalesce(recipient_codes[1], '-'),
                      coalesce(event_date, story_date), realis, sentence, trigger
               FROM events ORDER BY doc_id, sentence_index LIMIT 12"""
        ).fetchall()
    table = Table(title="Events per dyad and type")
    for column in ("actor", "recipient", "type", "events"):
        table.add_column(column)
    for actor, recipient, event_type, n in dyads:
        table.add_row(actor, recipient, event_type, str(n))
    console.print(table)
    console.print("[bold]Evidence[/bold] (first events by story):")
    for event_type, actor, recipient, date, realis, sentence, trigger in examples:
        shown = sentence.replace(trigger, f"[bold]{trigger}[/bold]", 1)
        console.print(f"  {event_type} {actor}→{recipient} {date or ''} ({realis}): {shown}")
    console.print(f"\nQuery them: [cyan]whimbrel events --db {db}[/cyan]; export: [cyan]whimbrel export --db {db} --format csv[/cyan]")
