"""Standard output and error as the commands write them.

A write that fails because the disk is full (or the device errs) is raised as
:class:`OutputError`, never mistaken for a bug in the command that was printing; the console
script (entry.py) turns it into one line and exit status 2. A closed pipe (`| head`) stays a
BrokenPipeError, which the commands treat as the reader having stopped early.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO


class OutputError(OSError):
    """The output could not be written (a full disk); the run itself was not at fault."""


def _wrap(e: OSError) -> OutputError:
    return OutputError(e.errno, e.strerror)


class Output:
    """A text stream whose failed writes (other than a closed pipe) raise OutputError."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise _wrap(e) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise _wrap(e) from None

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding: as the stream has them
        return getattr(self._stream, name)


def write_stdout(text: str) -> None:
    """Write to stdout; OutputError when the write fails."""
    Output(sys.stdout).write(text)
