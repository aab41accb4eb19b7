"""Index a Twitter/X archive into Chroma: `python scripts/build_index.py --archive PATH [--json]`.

Checks Ollama first (server, model, dimension), takes the index's writer lock, then brings the collection
up to date incrementally: only new and changed tweets are embedded; tweets gone from the archive are removed
only with `--prune`, and not when some records could not be read (a warning says so; the exit status stays 0).
Prints a one-line summary (or one JSON object with `--json`); exits non-zero with a one-line reason when
something fails or no record of the archive could be read, keeping whatever was written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from _common import load_settings, run_main
from tqdm import tqdm

from rag.documents.loader import TwitterArchiveLoader
from rag.errors import ArchiveError, EmbeddingError
from rag.indexing.embeddings import build_embeddings
from rag.indexing.pipeline import IndexReport, fail_message, index_documents
from rag.indexing.store import (
    make_client,
    max_batch_size,
    open_collection,
    persist_vector_index,
    where,
    writer_lock,
)
from rag.ollama import preflight
from rag.settings import Settings


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", required=True, type=Path, help="archive zip or its unpacked folder")
    parser.add_argument(
        "--recreate", action="store_true", help="delete the collection and index from scratch"
    )
    parser.add_argument("--prune", action="store_true", help="remove indexed tweets no longer in the archive")
    parser.add_argument("--include-deleted", action="store_true", help="also index tweets you deleted")
    parser.add_argument("--batch-size", type=int, help="texts per /api/embed request (EMBED_BATCH_SIZE)")
    parser.add_argument(
        "--concurrency", type=int, help="requests in flight per Ollama host (EMBED_CONCURRENCY)"
    )
    parser.add_argument("--collection", help="collection name (COLLECTION)")
    parser.add_argument("--pull", action="store_true", help="pull the embedding model if the server lacks it")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the summary")
    return parser.parse_args(argv)


def report_json(report: IndexReport, settings: Settings, dimension: int, warnings: list[str]) -> str:
    """The `--json` output: the report plus what was indexed where."""
    data = report.as_dict()
    data.update(
        collection=settings.collection,
        embed_model=settings.embed_model,
        embed_dimension=dimension,
        embed_hosts=list(settings.embed_urls),
        store=where(settings),
        warnings=report.warnings + warnings,
    )
    data["failed_ids"] = report.failed_ids[:1000]
    return json.dumps(data, ensure_ascii=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one indexing pass and print its report."""
    args = parse_args(argv)
    settings = load_settings().with_overrides(
        collection=args.collection,
        embed_batch_size=args.batch_size,
        embed_concurrency=args.concurrency,
        include_deleted=True if args.include_deleted else None,
    )
    if not args.archive.exists():
        raise ArchiveError(f"no archive at {args.archive}: pass the zip or the unpacked folder to --archive")
    show_progress = not args.json and sys.stderr.isatty()
    started = time.perf_counter()
    with writer_lock(settings):
        setting = "EMBED_HOSTS" if settings.embed_hosts else "OLLAMA_BASE_URL"
        dimension = preflight(
            settings.embed_urls,
            settings.embed_model,
            setting=setting,
            timeout=min(settings.request_timeout, 30.0),
            pull=args.pull,
            progress=show_progress,
        )
        client = make_client(settings)
        collection = open_collection(
            client, settings, settings.embed_model, dimension, recreate=args.recreate
        )
        loader = TwitterArchiveLoader(
            args.archive,
            include_deleted=settings.include_deleted,
            embed_model=settings.embed_model,
            pause_gc=True,  # this process is ours: a load about 1.4 times as fast
        )
        with tqdm(desc="embedding", unit="doc", disable=not show_progress, dynamic_ncols=True) as bar:
            report = index_documents(
                loader.lazy_load(),
                collection,
                build_embeddings(settings),
                model=settings.embed_model,
                prune=args.prune,
                max_batch=max_batch_size(client),
                progress=bar,
                lexical_dir=settings.lexical_dir,
                lexical_force=args.recreate,
                unreadable=lambda: loader.report.skipped_count,
            )
        if report.embedded or report.updated or report.deleted:
            persist_vector_index(settings)
    report.tweets_read = loader.report.tweets_read
    report.seconds = time.perf_counter() - started
    loader_warnings = (
        [f"{len(loader.report.skipped)} unreadable records skipped"] if loader.report.skipped else []
    )
    loader_warnings += loader.report.warnings[:20]
    if args.json:
        print(report_json(report, settings, dimension, loader_warnings))
    else:
        print(report.summary())
        if loader.report.skipped:  # the loader logs its other warnings itself
            print(f"warning: {loader_warnings[0]}", file=sys.stderr)
        if report.prune_refused and (loader.report.tweets_read or not loader.report.skipped):
            # (with nothing readable, the error below says it)
            print(f"warning: {next(w for w in report.warnings if '--prune' in w)}", file=sys.stderr)
    if loader.report.skipped and not loader.report.tweets_read:
        raise ArchiveError(
            f"nothing indexed: none of the {loader.report.skipped_count} records in {args.archive} could be "
            f"read (first: {loader.report.skipped[0]}): fix the archive and run again"
        )
    if report.failed:
        raise EmbeddingError(fail_message(report))
    return 0


if __name__ == "__main__":
    run_main(main)
