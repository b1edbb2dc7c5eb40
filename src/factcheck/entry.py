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
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_to_devnull()  # the reader stopped early: the check itself ran; keep its status
    except OSError as e:
        _stdout_to_devnull()
        sys.stderr.write(f"factcheck: cannot write the output: {e.strerror or e}\n")
        status = 2
    # What the run left alive is freed by Python's exit either way; freezing it first keeps the
    # exit's own garbage collection from walking all of it once more (a tenth of a large run).
    gc.freeze()
    sys.exit(status)


def _stdout_to_devnull() -> None:
    """What is left in stdout's buffer goes nowhere, so Python's own flush at exit cannot fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def exit_status(code: object, stderr: TextIO) -> int:
    """The status Python gives `sys.exit(code)`: None is 0, an int itself, anything else is
    printed (to `stderr`) and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1
