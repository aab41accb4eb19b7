"""Safe in a long-running process: the garbage collector is left alone unless asked; pauses compose."""

from __future__ import annotations

import gc
from contextlib import ExitStack
from pathlib import Path

import pytest

from rag.archive.reader import gc_paused
from rag.documents.loader import TwitterArchiveLoader

SAMPLE = Path(__file__).resolve().parents[2] / "sample" / "twitter-sample"


def test_loading_leaves_the_collector_alone_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    documents = TwitterArchiveLoader(SAMPLE).load()
    assert documents and calls == []
    TwitterArchiveLoader(SAMPLE, pause_gc=True).load()
    assert calls == ["disable", "disable"]  # reading, then building the documents; never a freeze


def test_overlapping_pauses_end_with_the_last_and_restore_the_state_before() -> None:
    assert gc.isenabled()
    with ExitStack() as first:
        first.enter_context(gc_paused())
        second = gc_paused()
        second.__enter__()
        first.close()  # the first pause ends while the second (another thread's load) goes on
        assert not gc.isenabled()
        second.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()  # an application that runs without the collector keeps it off
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
