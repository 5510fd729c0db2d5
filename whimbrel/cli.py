"""The ``whimbrel`` command: a thin layer over the Python API.

    whimbrel code INPUT... [-o events.jsonl]      code articles, print event records
    whimbrel ingest INPUT... [--db PATH]          code articles into the DuckDB store
    whimbrel events [--actor PRK] [--type ...]    query stored events
    whimbrel export --format parquet -o FILE      export stored events
    whimbrel actors CASES.jsonl [-o OUT.jsonl]    code actor strings directly
    whimbrel demo                                 code the bundled sample stories and summarise
    whimbrel serve                                browse the database in a web browser
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn news articles into political event data.")

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", help="Worker processes: 0 = all cores; default: all cores for inputs over 4 MB, else 1.")]
ActorsFileOption = Annotated[
    Optional[Path], typer.Option("--actors-file", help="Your own YAML actors file, added to the built-in knowledge.")
]

FullParseOption = Annotated[bool, typer.Option(
    "--full-parse", help="Parse every sentence; by default sentences that cannot hold an event skip the parser and NER.")]


class Realis(str, Enum):
    default = "default"
    all = "all"


class TableFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Layout(str, Enum):
    full = "full"
    polecat = "polecat"
    gdelt = "gdelt"


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _settings(actors_file: Path | None, realis: Realis, keep_uncoded: bool, full_parse: bool) -> dict:
    """The Coder's settings, as ``get_coder`` and worker processes take them."""
    return {"actors_file": str(actors_file) if actors_file else None, "realis": realis.value,
            "keep_uncoded": keep_uncoded, "full_parse": full_parse}


def _coder(settings: dict):
    from . import get_coder

    return get_coder(**settings)


def _code_with(coder, jobs: int):
    """The coding function for a run: in-process, or spread over worker processes."""
    if jobs <= 1:
        return coder.code
    return lambda items: coder.code(items, jobs=jobs)


def _finish(report) -> None:
    _err(f"whimbrel: {report.summary()}")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, feed URLs, or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write events here (JSONL); default stdout.")] = None,
    realis: Annotated[Realis, typer.Option(help="default: asserted and announced events; all: also negated and hypothetical.")] = Realis.default,
    keep_uncoded: Annotated[bool, typer.Option("--keep-uncoded", help="Keep events whose actor has no country or organisation code.")] = False,
    actors_file: ActorsFileOption = None,
    jobs: JobsOption = -1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Code on a Dask cluster: scheduler ADDRESS, or local:N worker processes.")] = None,
    parquet_dir: Annotated[Optional[Path], typer.Option("--parquet-dir", help="With --dask: write Parquet partitions into this folder.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With -o: keep FILE.progress and continue an interrupted run.")] = False,
    full_parse: FullParseOption = False,
) -> None:
    """Code articles and write one JSON event record per line."""
    from .batch import Progress, RunReport, run
    from .ingest import read_inputs
    from .parallel import choose_jobs

    jobs = choose_jobs(jobs, inputs)

    if dask or resume:
        from .distributed import code_command

        _finish(code_command(inputs, output, dask=dask, parquet_dir=parquet_dir, resume=resume, jobs=jobs, quiet=quiet,
                             settings=_settings(actors_file, realis, keep_uncoded, full_parse),
                             on_error=lambda e: _err(f"skipped {e}")))
        return
    coder = _coder(_settings(actors_file, realis, keep_uncoded, full_parse))
    report = RunReport()
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout

    def write(document) -> None:
        for event in document.events:
            handle.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")

    progress = Progress(report, enabled=not quiet)
    try:
        run(read_inputs(inputs), _code_with(coder, jobs), report=report, on_document=write,
            on_error=lambda e: _err(f"skipped {e}"), progress=progress)
    finally:
        progress.close()
        if output:
            handle.close()
    _finish(report)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, feed URLs, or - for stdin.")],
    db: DbOption = Path("whimbrel.duckdb"),
    realis: Annotated[Realis, typer.Option()] = Realis.default,
    keep_uncoded: Annotated[bool, typer.Option("--keep-uncoded")] = False,
    actors_file: ActorsFileOption = None,
    jobs: JobsOption = -1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    full_parse: FullParseOption = False,
) -> None:
    """Code articles into the database; articles already stored (same text) are skipped."""
    from .batch import Progress, RunReport, run
    from .distributed import ingest_partitions, split_partition_inputs
    from .ingest import read_inputs
    from .parallel import choose_jobs
    from .store import Store

    jobs = choose_jobs(jobs, inputs)

    partition_dirs, inputs = split_partition_inputs(inputs)
    report = RunReport()
    progress = Progress(report, enabled=not quiet)
    with Store(db) as store:
        try:
            for folder in partition_dirs:
                ingest_partitions(store, folder, report, on_error=lambda e: _err(f"skipped {e}"))
            if inputs:
                run(read_inputs(inputs), _code_with(_coder(_settings(actors_file, realis, keep_uncoded, full_parse)), jobs), report=report,
                    on_batch=store.add, skip_known=store.known_hashes, on_error=lambda e: _err(f"skipped {e}"), progress=progress)
        finally:
            progress.close()
        counts = store.counts()
    _err(f"whimbrel: {db} now holds {counts['documents']} documents and {counts['events']} events")
    _finish(report)


def _filter(actor, recipient, event_type, since, until, realis_value, text=None):
    from .query import EventFilter

    return EventFilter(actor=actor, recipient=recipient, event_type=event_type, since=since, until=until,
                       realis=realis_value, text=text)


@app.command()
def events(
    db: DbOption = Path("whimbrel.duckdb"),
    actor: Annotated[Optional[str], typer.Option(help="Actor code, e.g. PRK.")] = None,
    recipient: Annotated[Optional[str], typer.Option(help="Recipient code, e.g. RUS.")] = None,
    event_type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type, e.g. SUPPORT.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date (ISO).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date (ISO).")] = None,
    realis: Annotated[Optional[str], typer.Option("--realis", help="Only events with this realis.")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words in the evidence sentence.")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 50,
) -> None:
    """Query stored events."""
    from .query import select_events, write_table
    from .store import Store

    with Store(db, read_only=True) as store:
        table = select_events(store, _filter(actor, recipient, event_type, since, until, realis, text),
                              layout="polecat", limit=limit)
    if fmt is TableFormat.table:
        _print_table(table)
    else:
        write_table(table, fmt.value, None)


def _print_table(table) -> None:
    from rich.console import Console
    from rich.table import Table

    view = Table(show_lines=False)
    columns = ["event_date", "event_type", "actor_country", "actor_name", "recipient_country", "recipient_name", "realis", "sentence"]
    for column in columns:
        view.add_column(column, overflow="fold", max_width=60 if column == "sentence" else 24)
    for row in table.to_pylist():
        view.add_row(*[str(row[c] or "") for c in columns])
    Console().print(view)
    typer.echo(f"{table.num_rows} events", err=True)


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file (stdout for jsonl/csv).")] = None,
    db: DbOption = Path("whimbrel.duckdb"),
    columns: Annotated[Layout, typer.Option(help="Column layout: full records, POLECAT-like or GDELT-like.")] = Layout.full,
    actor: Annotated[Optional[str], typer.Option()] = None,
    recipient: Annotated[Optional[str], typer.Option()] = None,
    event_type: Annotated[Optional[str], typer.Option("--type")] = None,
    since: Annotated[Optional[str], typer.Option()] = None,
    until: Annotated[Optional[str], typer.Option()] = None,
    realis: Annotated[Optional[str], typer.Option("--realis")] = None,
) -> None:
    """Export stored events as JSONL, CSV or Parquet."""
    from .query import select_events, write_table
    from .store import Store

    if fmt is ExportFormat.parquet and output is None:
        raise typer.BadParameter("Parquet needs an output file: -o events.parquet", param_hint="-o")
    with Store(db, read_only=True) as store:
        table = select_events(store, _filter(actor, recipient, event_type, since, until, realis), layout=columns.value)
    write_table(table, fmt.value, str(output) if output else None)
    if output:
        _err(f"whimbrel: wrote {table.num_rows} events to {output}")


@app.command()
def actors(
    input: Annotated[Path, typer.Argument(help="JSONL of {id, text, date?, context?} actor strings.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output")] = None,
    actors_file: ActorsFileOption = None,
) -> None:
    """Code actor strings directly: writes {id, country, sector, name, ...} per line."""
    from .actors.direct import code_actor_records

    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    errors = coded = 0
    try:
        for result in code_actor_records(input, str(actors_file) if actors_file else None):
            if "error" in result:
                errors += 1
                _err(f"skipped {result['origin']}: {result['error']}")
                continue
            coded += 1
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
    finally:
        if output:
            handle.close()
    _err(f"whimbrel: {coded} actors coded, {errors} skipped")
    if coded == 0 and errors:
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOption = Path("whimbrel.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to bind; only this machine by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
) -> None:
    """Browse the database: dyad timelines, event search, evidence and documents."""
    from .web import serve as serve_app

    serve_app(db, host=host, port=port)


@app.command()
def demo(db: DbOption = Path("whimbrel.duckdb")) -> None:
    """Code the bundled sample stories into the database and print what was found."""
    from .demo import run_demo

    run_demo(db)


if __name__ == "__main__":
    app()
