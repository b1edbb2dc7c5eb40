"""The console script's entry point.

`factcheck --help` is answered from help.txt, the top-level help click itself renders (kept
identical by tests/test_startup.py), without importing click, pydantic or rich: an editor's first
command should be instant. Everything else goes to the click application in cli.py.

The console script (and `python -m factcheck`) is `console`: main, then an immediate exit.
"""

from __future__ import annotations

import gc
import os
import sys

TYPE_CHECKING = False  # typing itself takes longer to import than `--help` takes to answer
if TYPE_CHECKING:
    from typing import NoReturn, TextIO

HELP_WIDTH = 80  # help.txt is click's rendering at this width


def _terminal_wide_enough() -> bool:
    if "COLUMNS" in os.environ:
        try:
            return int(os.environ["COLUMNS"]) >= HELP_WIDTH
        except ValueError:
            return False
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns >= HELP_WIDTH
    except (OSError, ValueError):
        return True  # not a terminal: click would use its default width, which is ours


def main() -> None:
    if sys.argv[1:] in (["--help"], ["-h"]) and _terminal_wide_enough():
        try:
            with open(os.path.join(os.path.dirname(__file__), "help.txt"), encoding="utf-8") as fh:
                sys.stdout.write(fh.read())
            return
        except OSError:
            pass  # fall through to click
    # A run allocates a great many small objects that all live until it ends, and the process
    # ends with the run. Reference counting frees what dies early; the cycle collector would
    # only walk the living again and again (a sixth of a 10,000-claim run with its default
    # settings, and still 90 ms with mypy's higher threshold). The run builds no cycles in bulk.
    gc.disable()
    from factcheck.cli import main as cli

    cli()


def console() -> NoReturn:
    """Run main() as the program, then leave without Python's own shutdown.

    That shutdown frees every object of the run one by one (40 ms and more after a 10,000-claim
    run) for memory the system takes back at once anyway. Output is flushed first, and nothing
    here or in click registers work for the exit, so only the time is skipped. Called in a test
    process it would end that process: tests call main(), or run the script."""
    try:
        main()
        status = 0
    except SystemExit as e:
        status = exit_status(e.code, sys.stderr)
    except BrokenPipeError:
        _drop_stdout()  # the reader stopped early (`factcheck rules | head -1`): the command ran
        status = 0
    except OSError as e:
        # Every file the commands read or write reports its own errors (LoadError, exit 2) before
        # this; what reaches here is the output itself failing (stdout on a full disk).
        _drop_stdout()
        status = _cannot_write(e)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader stopped early (`| head`): the check itself ran; keep its status
    except OSError as e:
        status = _cannot_write(e)
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(status)


def _drop_stdout() -> None:
    """Send whatever is still buffered for stdout nowhere, so the exit does not try again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _cannot_write(e: OSError) -> int:
    try:
        sys.stderr.write(f"factcheck: cannot write the output: {e.strerror or e}\n")
    except OSError:
        pass
    return 2


def exit_status(code: object, stderr: TextIO) -> int:
    """The status Python gives `sys.exit(code)`: None is 0, an int itself, anything else is
    printed (to `stderr`) and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1
