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


VERIFY_FORMATS = ["text", "json", "md", "sarif", "github", "html", "claimreview"]
REPORT_FORMATS = ["md", "html", "json", "sarif", "claimreview"]
FAIL_ON = ["error", "warning", "info", "never"]


def _fail(message: str) -> NoReturn:
    from factcheck.safe_text import visible

    click.echo(f"factcheck: {visible(message)}", err=True)  # a path or a setting may hold anything
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
             ignore: tuple[str, ...], strict: bool, fail_on: str) -> Any:
    from factcheck.engine import Options

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
@click.option("--format", "fmt", type=click.Choice(VERIFY_FORMATS), default="text", show_default=True,
              help="text for people; json for machines.")
@click.option("--quiet", "-q", is_flag=True, help="Findings only.")
@click.option("--verbose", "-v", is_flag=True, help="Every claim with its evidence.")
@click.option("--skip-outside", is_flag=True,
              help="Pass over a PATH that belongs to no story instead of refusing it (for hooks).")
@click.option("--all", "all_claims", is_flag=True,
              help="claimreview: a review of every claim, not only those with publish_review = true.")
def verify(claims: Path | None, sources: Path | None, draft: Path | None, select: tuple[str, ...],
           ignore: tuple[str, ...], strict: bool, fail_on: str, paths: tuple[Path, ...], fmt: str, quiet: bool,
           verbose: bool, skip_outside: bool, all_claims: bool) -> None:
    """Run every rule and print the report.

    PATH: story folders, folders of stories, or files inside a story (each checks the story whose
    claims.toml is nearest above it). Every story is checked once. Default: this folder.
    """
    opts = _options(claims, sources, draft, select, ignore, strict, fail_on)
    runs = _story_runs(opts, paths, skip_outside, {"--claims": claims, "--sources": sources, "--draft": draft})
    if fmt == "html" and len(runs) > 1:
        raise click.UsageError("--format html shows one story; name one story, or run 'factcheck report' in each")
    ran = [_engine_call(_run_story, run_opts) for run_opts in runs]
    reports = [r for r in ran if r is not None]  # a story that cannot run said why; the others still run
    if fmt in ("json", "sarif", "github"):  # paths GitHub and other tools can place: the repository's
        from factcheck.repo import rebase, repo_root

        rebase(reports, repo_root())
    _show(reports, fmt, quiet, verbose, all_claims, several=len(runs) > 1)
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


def _show(reports: list[Any], fmt: str, quiet: bool, verbose: bool, all_claims: bool, several: bool) -> None:
    """Print the reports: the terminal's (after GitHub's annotations), or one document for all."""
    if fmt in ("text", "github"):
        from rich.text import Text

        from factcheck.report.github import stop_commands
        from factcheck.report.text import print_report

        if fmt == "github":
            _github(reports)
        # The human report quotes the files; GitHub must not run a line of it as a command.
        fence = stop_commands() if fmt == "github" and reports else None
        if fence is not None:
            _write(fence.start)
        for n, report in enumerate(reports):
            if several:  # each story's report opens with its ledger's path
                _console().print(Text(("\n" if n else "") + f"== {report.ledger}", style="bold"))
            _engine_call(print_report, report, _console(), quiet, verbose)
        if fence is not None:
            _write(fence.end)
    elif reports:
        from factcheck.report import render_many

        _write(_engine_call(render_many, reports, fmt, {"all_claims": all_claims}))
        if fmt == "claimreview" and not all_claims and not any(c.publish_review for r in reports for c in r.claims):
            click.echo("factcheck: no claim has publish_review = true, so no review was written "
                       "(--all writes one for every claim)", err=True)


def _github(reports: list[Any]) -> None:
    """Annotations first; the memo to the step summary when GitHub provides one."""
    import os

    from factcheck.report import render

    _write("".join(render(r, "github") for r in reports))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as fh:  # GitHub's own file: appended to
                for r in reports:
                    fh.write(render(r, "md") + "\n")
        except OSError as e:
            click.echo(f"factcheck: cannot write the step summary {summary}: {e.strerror or e}", err=True)


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
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="md", show_default=True,
              help="md: the memo; html: a self-contained page; json, sarif, claimreview for tools.")
@click.option("-o", "--output", type=str, default=None, metavar="PATH",
              help="Where to write ('-' for stdout). Default: reports/<story>-<date>.<ext> beside the ledger.")
@click.option("--all", "all_claims", is_flag=True,
              help="claimreview: a review of every claim, not only those with publish_review = true.")
def report(claims: Path | None, sources: Path | None, draft: Path | None, select: tuple[str, ...],
           ignore: tuple[str, ...], strict: bool, fail_on: str, fmt: str, output: str | None,
           all_claims: bool) -> None:
    """Write the report to a file (atomically), for the editor or for other tools."""
    from factcheck import engine
    from factcheck.report import EXTENSIONS, render
    from factcheck.workspace import report_target, write_atomic

    opts = _options(claims, sources, draft, select, ignore, strict, fail_on)
    rep, inputs = _engine_call(engine.run_with_inputs, opts)
    slug = rep.slug()  # from the ledger's path as given, before paths are made the repository's
    if fmt in ("json", "sarif"):
        from factcheck.repo import rebase, repo_root

        rebase([rep], repo_root())
    text = _engine_call(render, rep, fmt, {"all_claims": all_claims})
    if output == "-":
        _write(text)
        return
    if output is None:
        from datetime import date

        day = rep.published or date.today().isoformat()
        asked = opts.claims.parent / "reports" / f"{slug}-{day}.{EXTENSIONS[fmt]}"
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


@main.command(name="rules")
def rules_cmd() -> None:
    """List every rule: code, severity, name and summary."""
    from rich.table import Table
    from rich.text import Text

    from factcheck.rules import FAMILIES, load_rules

    table = Table(show_header=True, header_style="bold", pad_edge=False)
    for col in ("code", "severity", "name", "summary"):
        table.add_column(col, overflow="fold")
    last_family = None
    for code, r in load_rules().items():
        if r.family != last_family and last_family is not None:
            table.add_section()
        last_family = r.family
        table.add_row(Text(code), Text(r.severity.value), Text(r.name), Text(r.summary))
    _console().print(table)
    _console().print(Text("Families: " + "; ".join(f"{k}xx {v}" for k, v in FAMILIES.items()), style="dim"))


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule, with a story that raises it and one that passes."""
    from rich.text import Text

    from factcheck.rules import DOC_SECTIONS, NO_EXAMPLE, load_rules

    rules = load_rules()
    r = rules.get(code.upper())
    if r is None:
        near = [c for c in rules if c.startswith(code.upper()[:3])]
        hint = f"; codes in that family: {', '.join(near)}" if near else "; see 'factcheck rules'"
        raise click.UsageError(f"no rule {code}{hint}")
    from rich.padding import Padding

    sections = r.sections()
    console = _console()
    console.print(Text(f"{r.code} {r.name} ({r.severity.value})", style="bold"))
    console.print(Text(r.summary))
    for name in DOC_SECTIONS:  # prose: one paragraph each, wrapped to the terminal
        console.print()
        console.print(Text(name, style="bold"))
        console.print(Padding(Text(" ".join(sections.get(name, "").split())), (0, 0, 0, 2)))
    for name, example in (("Example", r.example), ("Passes", r.passes)):
        console.print()
        if example is None:
            console.print(Text(name, style="bold"))
            console.print(Padding(Text(NO_EXAMPLE.get(r.code, "")), (0, 0, 0, 2)))
            continue
        console.print(Text(f"{name} ({'raises' if name == 'Example' else 'does not raise'} {r.code})", style="bold"))
        for path, text in example.shown():  # a story folder's files, line by line as written
            console.print(Padding(Text(path, style="underline"), (0, 0, 0, 2)))
            for line in text.splitlines():
                console.print(Padding(Text(line, overflow="fold"), (0, 0, 0, 4)))


@main.command()
@click.argument("subject", required=False)
@click.option("--claims", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The ledger (default: ./claims.toml).")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The folder of sources (default: sources/ beside the ledger).")
def timeline(subject: str | None, claims: Path | None, sources: Path | None) -> None:
    """Chart each claim's period on a shared time axis (every subject with two dated claims, or SUBJECT)."""
    from factcheck import engine
    from factcheck.report.timeline import print_timeline

    opts = _options(claims, sources, None, (), (), False, "never")
    report = _engine_call(engine.run, opts)
    if not _engine_call(print_timeline, report, _console(), subject):
        what = f"subject '{subject}' has no dated claims" if subject else "no subject has two dated claims"
        _fail(what + " (a claim is dated by its `when`)")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
def init(directory: Path) -> None:
    """Start a story folder: claims.toml, sources/ and reports/ with a worked example.

    Existing files are never overwritten: each one is left as it is and named.
    """
    from factcheck.workspace import init_story

    created, kept = _engine_call(init_story, directory)
    for p in created:
        click.echo(f"created {p}")
    for p in kept:
        click.echo(f"kept {p} (it exists; not overwritten)", err=True)
    if created:
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


@main.command(name="sources")
@click.option("--claims", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The ledger (default: ./claims.toml).")
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The folder of sources (default: sources/ beside the ledger).")
def sources_cmd(claims: Path | None, sources: Path | None) -> None:
    """Table of the sources: outlet, date, via, and how many claims cite each."""
    from factcheck import engine
    from factcheck.commands import print_sources

    opts = _options(claims, sources, None, (), (), False, "never")
    report = _engine_call(engine.run, opts)
    print_sources(report, _console())
