"""The console script's entry point (and `python -m factcheck`'s): the click application in
cli.py, run so that writing the output is part of the run — a full disk is exit 2 with a
message, and a reader that stops early (`factcheck verify | head`) is not an error.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TextIO


def main() -> None:
    # A run allocates a great many small objects that all live until it ends, and the process
    # ends with the run. Reference counting frees what dies early; the cycle collector would
    # only walk the living again and again (a sixth of a 10,000-claim run with its default
    # settings). The run builds no cycles in bulk.
    gc.disable()
    from factcheck.cli import main as cli

    cli()


def console() -> None:
    """Run main() as the program: its exit status, after every byte of its output is written."""
    try:
        main()
        status = 0
    except SystemExit as e:
        status = exit_status(e.code, sys.stderr)
    except BrokenPipeError:
        _drop_stdout()  # the reader stopped early (`factcheck rules | head -1`): the command ran
        status = 0
    except OSError as e:
        # Every file the commands read or write reports its own errors (CannotRun, exit 2) before
        # this; what reaches here is the output itself failing (stdout on a full disk).
        _drop_stdout()
        status = _cannot_write(e)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()  # the reader stopped early: the check itself ran; keep its status
    except OSError as e:
        _drop_stdout()
        status = _cannot_write(e)
    # What the run left alive is freed by Python's exit either way; freezing it first keeps the
    # exit's own garbage collection from walking all of it once more (a tenth of a large run).
    gc.freeze()
    sys.exit(status)


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
