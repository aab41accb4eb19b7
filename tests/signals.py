"""Ctrl-C in test subprocesses as a terminal delivers it.

A process started with `&` from a non-interactive shell (as CI may start pytest) has SIGINT ignored, and
its children inherit that, so a SIGINT sent by a test would do nothing. `default_sigint`, passed as
`preexec_fn`, puts SIGINT back to its default in the child before it runs.
"""

from __future__ import annotations

import signal


def default_sigint() -> None:
    """In the child before exec: SIGINT back to its default, whatever the test runner inherited."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
