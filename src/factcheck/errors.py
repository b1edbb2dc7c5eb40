"""The one error that stops a run: a file cannot be read or written (no ledger, not UTF-8,
invalid TOML, an unwritable report). str() is one line for the editor, with path:line:column
when there is one; the CLI prints it and exits 2. Everything else wrong in the files is a finding.
"""


class CannotRun(Exception):
    """The run cannot happen; the message says where and why, in one line."""
