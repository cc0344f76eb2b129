"""``graphkit corpus``: many texts, in parallel and resumably, on this machine or on Dask."""

from __future__ import annotations

import click

from graphkit.cli.options import CONTEXT, text_options

__all__ = ["COMMANDS"]


@click.command(context_settings=CONTEXT)
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--out", "-o", "out", required=True, type=click.Path(file_okay=False), metavar="DIR",
    help="Output folder: DIR/texts/<stem>/ per text, corpus.csv, characters.csv, errors.csv.",
)  # fmt: skip
@text_options
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), metavar="N",
    help="Texts at once [default: all cores]; 1 runs in this process.",
)  # fmt: skip
@click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
    help="A process pool on this machine, or a Dask distributed cluster.",
)  # fmt: skip
@click.option(
    "--scheduler", metavar="ADDRESS",
    help="Dask scheduler (tcp://host:port); without it --engine dask starts a LocalCluster.",
)  # fmt: skip
@click.option(
    "--gather", is_flag=True,
    help="Dask workers send texts' files back and this process writes them (no shared disk).",
)  # fmt: skip
@click.option("--force", is_flag=True, help="Redo texts whose outputs are current.")
@click.option("--no-pictures", is_flag=True, help="Skip the PNGs of each text (much faster).")
@click.option("--merge", is_flag=True, help="Also write one graph of all texts into DIR/merged/.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--max-size", type=click.FloatRange(min=0, min_open=True), default=64.0, show_default=True,
    metavar="MB", help="Texts larger than this are errors.",
)  # fmt: skip
def corpus(
    sources, out, jobs, engine, scheduler, gather, force, no_pictures, merge, quiet, max_size,
    options,
) -> None:  # fmt: skip
    """Analyse many texts, in parallel and resumably: one folder per text and corpus tables.

    SOURCES are files, folders (searched recursively for .txt, .html, .xml,
    .fountain and .dat), globs ('shelf/**/*.txt') or @list.txt (one path a
    line).  Each text gets DIR/texts/<stem>/ (the files `graphkit analyze`
    writes, and manifest.json); a stem that repeats gets its folder's name
    added.  DIR also gets corpus.csv (and corpus.parquet with pyarrow),
    characters.csv, errors.csv, timings.csv and corpus.png.  A second run
    skips texts whose outputs are current (same input, options and graphkit
    version).  Exit status 1 when some texts failed (listed in errors.csv).

    \b
    Example:
      graphkit corpus shelf/ --out runs/shelf --no-cast --jobs 2
      graphkit corpus @novels.txt 'plays/*.xml' --out runs/all --no-pictures
      graphkit corpus shelf/ --out /shared/runs/shelf --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from graphkit.corpus.run import analyze_corpus

    if (scheduler or gather) and engine != "dask":
        raise click.UsageError("--scheduler and --gather need --engine dask")
    try:
        result = analyze_corpus(
            list(sources), out, jobs=jobs, engine=engine, scheduler=scheduler, gather=gather,
            force=force, pictures=not no_pictures, merge=merge, quiet=quiet,
            max_bytes=int(max_size * 1e6), **options,
        )  # fmt: skip
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or out}: {exc.strerror or exc}") from None
    total = result.done + result.skipped + result.failed
    click.echo(
        f"{total} texts: {result.done} analysed, {result.skipped} already current, "
        f"{result.failed} failed · {result.seconds:.1f} s"
    )
    click.echo(f"Wrote {result.out}/: " + " ".join(sorted(result.paths)) + " texts/")
    if result.failed:
        for row in result.errors.head(5).itertuples():
            click.echo(f"  failed: {row.reason}", err=True)
        more = f" ({result.failed - 5} more)" if result.failed > 5 else ""
        click.echo(
            f"Error: {result.failed} of {total} texts failed{more}; see {result.paths['errors.csv']}",
            err=True,
        )
        raise SystemExit(1)


COMMANDS = [corpus]
