"""The command line: options in, engine call, reporter, exit status. Nothing else lives here.

Heavy modules (pydantic, rich, the rules) are imported inside the commands that need them, so
`factcheck --help` starts fast.
"""

from __future__ import annotations

import sys
from enum import IntEnum
from pathlib import Path
from typing import Any, NoReturn

import click


class Exit(IntEnum):
    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    CANNOT_RUN = 2  # no ledger, unreadable file, invalid TOML, bad usage


FAIL_ON = ["error", "warning", "info", "never"]


class FormatChoice(click.Choice):  # type: ignore[type-arg]
    """--format: the formats registered in factcheck.report, read when the option is used (so a
    format registered after this module is imported is offered too); `files`: only those
    `report` writes to a file."""

    def __init__(self, files: bool = False) -> None:
        self.files = files
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        from factcheck.report import names

        return names(files=self.files)

    @choices.setter
    def choices(self, _: object) -> None:  # click.Choice sets it; the registry is the one list
        pass


def _note(message: str) -> None:
    from factcheck.safe_text import visible

    click.echo(f"factcheck: {visible(message)}", err=True)  # a path or a setting may hold anything


def _fail(message: str) -> NoReturn:
    _note(message)
    sys.exit(Exit.CANNOT_RUN)


def _write(text: str) -> None:
    """Print a rendered report to stdout; a full disk is an error, a reader that stopped early
    (`factcheck verify --format json | head`) is not."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more reaches the pipe
    except OSError as e:
        _fail(f"cannot write the output: {e.strerror or e}")


def _engine_call(fn: Any, *args: Any) -> Any:
    """Run engine work, translating domain errors into one line and exit status 2."""
    from factcheck.errors import CannotRun
    from factcheck.output import OutputError
    from factcheck.report import RenderError

    try:
        return fn(*args)
    except (CannotRun, RenderError) as e:
        _fail(str(e))
    except (KeyboardInterrupt, SystemExit, click.exceptions.Exit, click.ClickException, OutputError):
        raise
    except Exception as e:  # no traceback ever reaches the editor
        _fail(f"internal error: {type(e).__name__}: {e} (this is a bug in factcheck; please report it "
              "with the command you ran)")


def _check_codes(values: tuple[str, ...], option: str) -> list[str]:
    from factcheck.rules import load_rules

    rules = load_rules()
    out = []
    for v in values:
        for part in v.split(","):
            p = part.strip().upper()
            if not p:
                continue
            if not any(code.startswith(p) for code in rules):
                raise click.UsageError(f"{option} {part}: no rule code starts with '{p}' (see 'factcheck rules')")
            out.append(p)
    return out


def _options(claims: Path | None, sources: Path | None, draft: Path | None, select: tuple[str, ...],
             ignore: tuple[str, ...], strict: bool, fail_on: str, one_story: bool = True) -> Any:
    """The engine's options; `one_story` False when PATH arguments name the stories (which refuse
    --claims themselves)."""
    from factcheck.engine import Options

    if claims is not None and one_story:
        from factcheck.workspace import require_ledger

        _engine_call(require_ledger, claims)
    return Options(claims=claims or Path("claims.toml"), sources=sources, draft=draft,
                   select=_check_codes(select, "--select"), ignore=_check_codes(ignore, "--ignore"),
                   strict=strict, fail_on=fail_on)


def story_options(f: Any) -> Any:
    """Options every command that reads a story shares."""
    f = click.option("--claims", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="The ledger (default: ./claims.toml).")(f)
    f = click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
                     help="The folder of sources (default: sources/ beside the ledger).")(f)
    f = click.option("--draft", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="The article to check figure by figure (default: [story] draft, else draft.md).")(f)
    f = click.option("--select", multiple=True, metavar="CODE",
                     help="Run only rules whose code starts with this (FC1, FC202); repeatable.")(f)
    f = click.option("--ignore", multiple=True, metavar="CODE",
                     help="Skip rules whose code starts with this; repeatable.")(f)
    f = click.option("--strict", is_flag=True,
                     help="A hedged figure that is not exactly what its parts or sources make it is an error.")(f)
    f = click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
                     help="Lowest severity that makes the exit status 1.")(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck-ledger", prog_name="factcheck")
def main() -> None:
    """Check a story's claim ledger (claims.toml) against its sources.

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the run could not
    happen.
    """


@main.command()
@story_options
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@click.option("--format", "fmt", type=FormatChoice(), default="text", show_default=True,
              help="text for people; json for machines.")
@click.option("--quiet", "-q", is_flag=True, help="Findings only.")
@click.option("--verbose", "-v", is_flag=True, help="Every claim with its evidence.")
@click.option("--watch", is_flag=True,
              help="Run again whenever the ledger, a source or the draft changes; Ctrl-C stops (status 0).")
@click.option("--skip-outside", is_flag=True,
              help="Pass over a PATH that belongs to no story instead of refusing it (for hooks).")
@click.option("--all", "all_claims", is_flag=True,
              help="claimreview: a review of every claim, not only those with publish_review = true.")
def verify(claims: Path | None, sources: Path | None, draft: Path | None, select: tuple[str, ...],
           ignore: tuple[str, ...], strict: bool, fail_on: str, paths: tuple[Path, ...], fmt: str, quiet: bool,
           verbose: bool, watch: bool, skip_outside: bool, all_claims: bool) -> None:
    """Run every rule and print the report.

    PATH: story folders, folders of stories, or files inside a story (each checks the story whose
    claims.toml is nearest above it). Every story is checked once. Default: this folder.
    """
    from factcheck.report import FORMATS

    form = FORMATS[fmt]
    opts = _options(claims, sources, draft, select, ignore, strict, fail_on, one_story=not paths)
    runs = _story_runs(opts, paths, skip_outside, {"--claims": claims, "--sources": sources, "--draft": draft})
    if watch:
        if len(runs) > 1:
            raise click.UsageError("--watch watches one story; name one story folder")
        _watch(runs[0], fmt, quiet, verbose)
        sys.exit(Exit.OK)
    if form.one_story and len(runs) > 1:
        raise click.UsageError(f"--format {fmt} shows one story; name one story, or run 'factcheck report' in each")
    ran = [_engine_call(_run_story, run_opts) for run_opts in runs]
    reports = [r for r in ran if r is not None]  # a story that cannot run said why; the others still run
    if form.repo_paths:  # paths GitHub and other tools can place: the repository's
        from factcheck.repo import rebase, repo_root

        rebase(reports, repo_root())
    _show(reports, fmt, {"quiet": quiet, "verbose": verbose, "all_claims": all_claims, "several": len(runs) > 1})
    if len(reports) < len(ran):
        sys.exit(Exit.CANNOT_RUN)
    sys.exit(Exit.FINDINGS if any(r.failing(fail_on) for r in reports) else Exit.OK)


def _story_runs(opts: Any, paths: tuple[Path, ...], skip_outside: bool, one_story: dict[str, Path | None]) -> list[Any]:
    """The engine options of each story the PATH arguments name (this folder's without them).
    `one_story`: the options that name one story's files, which PATH arguments exclude."""
    if not paths:
        return [opts]
    from dataclasses import replace

    from factcheck.repo import select_stories

    for name, given in one_story.items():
        if given is not None:
            raise click.UsageError(f"{name} names one story's file; with PATH arguments, each story uses "
                                   "its own (claims.toml, sources/, draft.md)")
    chosen = _engine_call(select_stories, list(paths), skip_outside)
    if not chosen.ledgers:
        click.echo("factcheck: no story among the paths given; nothing to check", err=True)
        sys.exit(Exit.OK)
    return [replace(opts, claims=ledger) for ledger in chosen.ledgers]


def _run_story(opts: Any) -> Any:
    """engine.run, or None when the story cannot run (its one-line reason on stderr)."""
    from factcheck import engine
    from factcheck.errors import CannotRun

    try:
        return engine.run(opts)
    except CannotRun as e:
        from factcheck.safe_text import visible

        click.echo(f"factcheck: {visible(str(e))}", err=True)
        return None


def _show(reports: list[Any], fmt: str, options: dict[str, Any]) -> None:
    """Print the reports in their format (factcheck.report.show)."""
    from factcheck.report import FORMATS, Sink, show

    # Only a terminal format prints through Rich: a document (json, sarif...) never loads it.
    console = _console() if FORMATS[fmt].terminal else None
    _engine_call(show, reports, fmt, Sink(console=console, write=_write, note=_note), options)


def _watch(opts: Any, fmt: str, quiet: bool, verbose: bool) -> None:
    """verify --watch: redraw the report after every change; a run that cannot happen says why in
    one line and the watch goes on. Ctrl-C ends it (the caller exits 0)."""
    from datetime import datetime

    from rich.text import Text

    from factcheck import engine
    from factcheck.load import LoadError
    from factcheck.report import FORMATS
    from factcheck.watch import watch

    try:
        import watchfiles  # noqa: F401
    except ImportError:
        _fail("--watch needs the watchfiles package, which is not installed (pip install watchfiles)")
    out, err = _console(), _console(stderr=True)

    def once(changed: str | None) -> None:
        if out.is_terminal:
            out.clear()
        try:
            report = engine.run(opts)
        except LoadError as e:
            err.print(Text(f"factcheck: {e}"))
        except Exception as e:  # a crash is reported and the watch goes on: the next save may fix it
            err.print(Text(f"factcheck: internal error: {type(e).__name__}: {e} (this is a bug in factcheck; "
                           "please report it with the command you ran)"))
        else:
            if FORMATS[fmt].terminal:  # the terminal report, redrawn (no annotations again)
                from factcheck.report.terminal import print_report

                print_report(report, out, quiet, verbose)
            else:
                from factcheck.report import render

                _write(render(report, fmt))
        when = datetime.now().strftime("%H:%M:%S")
        err.print(Text(f"{when} {changed or 'first run'} · watching the ledger, sources and draft; Ctrl-C stops",
                       style="dim"))
        sys.stdout.flush()
        sys.stderr.flush()

    try:
        watch(opts, once)
    except KeyboardInterrupt:
        pass


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    from factcheck.output import Output
    from factcheck.safe_text import guard

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # The reader stopped early (`factcheck verify | head -1`): print nothing more, and let
            # the command finish with its own status (Rich's default exits 1, the findings status).
            import os

            self.quiet = True
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.file.fileno())

    stream = sys.stderr if stderr else sys.stdout
    # guard: no control character from the editor's files reaches the terminal
    out: Any = Output(stream)  # a text stream in every way Rich uses one
    return guard(_Console(file=out, highlight=False, emoji=False, soft_wrap=False, stderr=stderr))


@main.command()
@story_options
@click.option("--format", "fmt", type=FormatChoice(files=True), default="md", show_default=True,
              help="md: the memo; html: a self-contained page; json, sarif, claimreview for tools.")
@click.option("-o", "--output", type=str, default=None, metavar="PATH",
              help="Where to write ('-' for stdout). Default: reports/<story>-<date>.<ext> beside the ledger.")
@click.option("--all", "all_claims", is_flag=True,
              help="claimreview: a review of every claim, not only those with publish_review = true.")
def report(claims: Path | None, sources: Path | None, draft: Path | None, select: tuple[str, ...],
           ignore: tuple[str, ...], strict: bool, fail_on: str, fmt: str, output: str | None,
           all_claims: bool) -> None:
    """Write the report to a file (atomically), for the editor or for other tools.

    The exit status follows --fail-on as verify's does: 1 when a finding at or above it is not
    accepted, whether the report went to a file or to stdout.
    """
    from factcheck import engine
    from factcheck.report import FORMATS, render
    from factcheck.workspace import report_target, write_atomic

    form = FORMATS[fmt]
    opts = _options(claims, sources, draft, select, ignore, strict, fail_on)
    rep, inputs = _engine_call(engine.run_with_inputs, opts)
    slug = rep.slug()  # from the ledger's path as given, before paths are made the repository's
    if form.repo_paths:
        from factcheck.repo import rebase, repo_root

        rebase([rep], repo_root())
    text = _engine_call(render, rep, fmt, {"all_claims": all_claims})
    status = Exit.FINDINGS if rep.failing(fail_on) else Exit.OK
    if output == "-":
        _write(text)
        sys.exit(status)
    if output is None:
        from datetime import date

        day = rep.published or date.today().isoformat()
        asked = opts.claims.parent / "reports" / f"{slug}-{day}.{form.extension}"
    else:
        asked = Path(output)
    # Only a new path or a regular file, never the story's own files; the default reports/ stays
    # inside the story.
    target = _engine_call(report_target, asked, inputs, opts.claims.parent if output is None else None)
    try:
        write_atomic(target, text)
    except OSError as e:
        _fail(f"{asked}: cannot write the report: {e.strerror or e}")
    target = asked
    click.echo(f"wrote {target}", err=True)
    sys.exit(status)


@main.command(name="rules")
def rules_cmd() -> None:
    """List every rule: code, severity, name and summary."""
    from factcheck.report.reference import print_rules
    from factcheck.rules import FAMILIES, rule_infos

    print_rules(rule_infos(), FAMILIES, _console())


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule, with a story that raises it and one that passes."""
    from factcheck.report.reference import print_explain
    from factcheck.rules import rule_infos

    rules = {r.code: r for r in rule_infos()}
    r = rules.get(code.upper())
    if r is None:
        near = [c for c in rules if c.startswith(code.upper()[:3])]
        hint = f"; codes in that family: {', '.join(near)}" if near else "; see 'factcheck rules'"
        raise click.UsageError(f"no rule {code}{hint}")
    print_explain(r, _console())


@main.command()
@click.argument("subject", required=False)
@click.option("--claims", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The ledger (default: ./claims.toml).")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The folder of sources (default: sources/ beside the ledger).")
def timeline(subject: str | None, claims: Path | None, sources: Path | None) -> None:
    """Chart each claim's period on a shared time axis (every subject with two dated claims, or SUBJECT)."""
    from factcheck import engine
    from factcheck.report.timeline_chart import print_timeline

    opts = _options(claims, sources, None, (), (), False, "never")
    report = _engine_call(engine.run, opts)
    if not _engine_call(print_timeline, report, _console(), subject):
        what = f"subject '{subject}' has no dated claims" if subject else "no subject has two dated claims"
        _fail(what + " (a claim is dated by its `when`)")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--example/--no-example", default=None,
              help="Add the worked example (default: only in a folder that holds no ledger or sources yet).")
def init(directory: Path, example: bool | None) -> None:
    """Start a story folder: claims.toml, sources/ and reports/ with a worked example.

    In a folder that already holds a ledger or sources, only what is missing of that skeleton is
    created, never the example (--example asks for it). Existing files are never overwritten:
    each one is left as it is and named.
    """
    from factcheck.workspace import init_story

    created, kept = _engine_call(init_story, directory, example)
    for p in created:
        click.echo(f"created {p}{'/' if p.is_dir() else ''}")
    for p in kept:
        click.echo(f"kept {p} (it exists; not overwritten)", err=True)
    if not created:
        click.echo(f"{directory} already holds a story folder; nothing to create", err=True)
    else:
        click.echo(f"next: cd {directory} && factcheck verify" if str(directory) != "." else "next: factcheck verify")


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--claims", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The ledger to compare with and append to (default: ./claims.toml).")
@click.option("--append", "append", is_flag=True,
              help="Add the new entries to the ledger (nothing in it is rewritten); skip figures it records.")
def extract(file: Path, claims: Path | None, append: bool) -> None:
    """List the figures and dates in FILE as ready-to-edit [[claim]] entries.

    The table goes to stderr and the TOML entries to stdout, so `factcheck extract a.md > new.toml`
    keeps just the entries.
    """
    from factcheck.commands import run_extract

    _engine_call(run_extract, file, claims or Path("claims.toml"), append, _console(stderr=True))


@main.group(name="sources", invoke_without_command=True)
@click.option("--claims", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The ledger (default: ./claims.toml).")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The folder of sources (default: sources/ beside the ledger).")
@click.pass_context
def sources_cmd(ctx: click.Context, claims: Path | None, sources: Path | None) -> None:
    """List the sources; show the text read from one, add one, check them."""
    ctx.obj = (claims, sources)
    if ctx.invoked_subcommand is not None:
        return
    from factcheck import engine
    from factcheck.commands import print_sources

    opts = _options(claims, sources, None, (), (), False, "never")
    report = _engine_call(engine.run, opts)
    print_sources(report, _console())


def _sources_dir(ctx: click.Context) -> Path:
    claims, sources = ctx.obj
    return sources if sources is not None else (claims or Path("claims.toml")).parent / "sources"


@sources_cmd.command(name="show")
@click.argument("source_id", metavar="ID")
@click.pass_context
def sources_show(ctx: click.Context, source_id: str) -> None:
    """Print the text factcheck reads from source ID, with line numbers (and pages or paragraphs)."""
    from factcheck.commands import show_source

    _engine_call(show_source, _sources_dir(ctx), source_id, _console())


@sources_cmd.command(name="add")
@click.argument("what", metavar="PATH-OR-URL")
@click.option("--id", "source_id", default=None, metavar="ID",
              help="The source id (default: from the outlet and date the page declares).")
@click.pass_context
def sources_add(ctx: click.Context, what: str, source_id: str | None) -> None:
    """Save a file or a web page into sources/ as <id>.html or <id>.pdf, with <id>.meta.toml
    (its URL, when it was retrieved, its SHA-256). Nothing is overwritten."""
    from factcheck.commands import add_source

    saved = _engine_call(add_source, what, _sources_dir(ctx), source_id)
    click.echo(f"saved {saved.path}" + (f" ({saved.note})" if saved.note else ""))
    click.echo(f"wrote {saved.meta_path}")
    if saved.warning:
        click.echo(f"factcheck: {saved.path.name}: {saved.warning}", err=True)


@sources_cmd.command(name="check")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Lowest severity that makes the exit status 1.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def sources_check(ctx: click.Context, fail_on: str, fmt: str) -> None:
    """Fetch each source that has a URL again; report pages that changed since they were saved."""
    from factcheck.commands import check_sources

    claims, sources = ctx.obj
    opts = _options(claims, sources, None, (), (), False, fail_on)
    report, fetched = _engine_call(check_sources, opts)
    if fmt == "json":
        from factcheck.report import render

        _write(_engine_call(render, report, "json"))
    else:
        from factcheck.report.terminal import print_report

        click.echo(f"fetched {fetched} source{'s' if fetched != 1 else ''} with a URL again", err=True)
        _engine_call(print_report, report, _console(), True, False)
    sys.exit(Exit.FINDINGS if report.failing(fail_on) else Exit.OK)
