"""Benchmark the archive loader: read a generated archive of 100,000+ tweets and build its Documents.

The archive is made of the real alrocar-2024 fixture tweets (notes, threads and edits included), copied
with re-numbered ids until there are enough, written pretty-printed in parts as real archives are, under
a git-ignored folder (.cache/bench/). The load runs in a fresh process so its peak memory is its own. It
prints tweets per second for each run, wall and CPU time with the machine's load average beside them (the
machine is shared: wall time counts other processes' work too), the best against the 20,000 tweets/s
target, the time to merely parse the same files (the floor), and peak memory. Only the load and the
Documents are timed: generating the archive (once, cached) and importing the loader are not.

    python scripts/bench_load.py [--tweets 100000] [--repeat 3] [--zip] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from devtools.synthetic_archive import write_archive

ROOT = Path(__file__).resolve().parent.parent
TARGET_TWEETS_PER_S = 20_000


def generate(target: int, directory: Path) -> int:
    """Write an archive of at least `target` tweets to `directory`; returns the number of tweet records."""
    records = write_archive(directory, target, spare_copies=1)  # + 1: edits and duplicates are dropped
    (directory / "records.txt").write_text(str(records))
    return records


def zip_archive(directory: Path) -> Path:
    """The generated archive as a deflated zip beside it."""
    path = directory.with_suffix(".zip")
    if not path.exists():
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            for file in sorted((directory / "data").iterdir()):
                zf.write(file, f"data/{file.name}")
    return path


def _peak_rss_mib() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss would count the parent's before exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_floor(folder: Path) -> dict[str, Any]:
    """The floor: only reading and parsing the same data files (collector paused, as the loader does).

    Two ways: the loader's own parse (tweets parts with the record schema of rag.archive.payload, the rest
    in full) and, for reference, a full orjson parse of every file.
    """
    import gc

    import orjson

    from rag.archive.payload import parse_js_payload, parse_tweet_records

    gc.disable()
    files = sorted((folder / "data").glob("*.js"))
    result: dict[str, Any] = {}
    for label in ("loader", "orjson"):
        start, cpu = time.perf_counter(), time.process_time()
        for file in files:
            raw = file.read_bytes()
            if label == "orjson":
                orjson.loads(raw[raw.index(b"=") + 1 :])
            elif file.name.startswith("tweets"):
                for _record in parse_tweet_records(raw):  # each record is decoded as it is reached
                    pass
            else:
                parse_js_payload(raw)
        result[f"{label}_wall_s"] = time.perf_counter() - start
        result[f"{label}_cpu_s"] = time.process_time() - cpu
    return result


def measure(path: Path, use_tracemalloc: bool) -> dict[str, Any]:
    """Load `path` in this process: timings (wall and CPU), counts and peak memory."""
    from rag.documents.loader import TwitterArchiveLoader

    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    rss_before = _peak_rss_mib()
    start, cpu = time.perf_counter(), time.process_time()
    loader = TwitterArchiveLoader(path, pause_gc=True)
    documents = list(loader.lazy_load())  # the whole archive is read before the first document
    total_s, cpu_s = time.perf_counter() - start, time.process_time() - cpu
    result = {
        "path": str(path),
        "records": loader.report.records_read,
        "tweets": loader.report.tweets_read,
        "documents": len(documents),
        "total_s": total_s,
        "cpu_s": cpu_s,
        "peak_rss_mib": _peak_rss_mib(),
        "rss_before_mib": rss_before,
        "load_average": os.getloadavg()[0],
    }
    if use_tracemalloc:
        import tracemalloc

        result["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    return result


def _child(*args: str) -> dict[str, Any]:
    command = [sys.executable, __file__, *args]
    return dict(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))


def main() -> None:
    """Generate (once) and benchmark; `--measure PATH` is the child process that does the timing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tweets", type=int, default=100_000, help="at least this many tweets (default 100000)"
    )
    parser.add_argument("--dir", type=Path, default=ROOT / ".cache" / "bench" / "archive")
    parser.add_argument("--zip", action="store_true", help="also load the archive from a zip")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also report the Python heap peak (slower)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of (default 3)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.tracemalloc)))
        return
    if args.measure_floor:
        print(json.dumps(measure_floor(args.measure_floor)))
        return
    marker = args.dir / "records.txt"
    if not marker.exists() or int(marker.read_text()) < args.tweets:
        print(f"generating {args.tweets:,}+ tweets in {args.dir} ...", flush=True)
        generate(args.tweets, args.dir)
    size_mib = sum(f.stat().st_size for f in (args.dir / "data").iterdir()) / 2**20
    targets = [args.dir] + ([zip_archive(args.dir)] if args.zip else [])
    for target in targets:
        floors, runs = [], []
        for _ in range(args.repeat):  # alternate, so both see the same machine load
            if target.is_dir():
                floors.append(_child("--measure-floor", str(target)))
            runs.append(_child("--measure", str(target), *(["--tracemalloc"] if args.tracemalloc else [])))
        result = runs[0]
        kind = "zip" if target.suffix == ".zip" else "folder"
        tweets = result["tweets"]
        print(f"\n{kind}: {target} ({size_mib:.0f} MiB of data files), {len(runs)} runs")
        print(f"  tweet records        {result['records']:>10,}")
        print(f"  tweets after edits   {tweets:>10,}")
        print(f"  documents            {result['documents']:>10,}")
        print(
            f"  load + documents, each run (load average: 1-minute, at the run's end; {os.cpu_count()} CPUs)"
        )
        for number, run in enumerate(runs, start=1):
            wall_s, cpu_s = run["total_s"], run["cpu_s"]
            print(
                f"    run {number}: {wall_s:6.2f} s wall = {tweets / wall_s:>7,.0f} tweets/s, "
                f"{cpu_s:6.2f} s CPU = {tweets / cpu_s:>7,.0f} tweets/s "
                f"({run['cpu_s'] / tweets * 1e6:.1f} us/tweet), load average {run['load_average']:.1f}"
            )
        best_wall = min(r["total_s"] for r in runs)
        best_cpu = min(r["cpu_s"] for r in runs)
        for label, seconds in (("wall", best_wall), ("CPU", best_cpu)):
            rate = tweets / seconds
            ratio = rate / TARGET_TWEETS_PER_S
            print(f"  best ({label:<4})          {rate:>10,.0f} tweets/s ({ratio:.2f}x the 20,000 target)")
        if floors:
            for label, name in (("loader", "loader's parse"), ("orjson", "full orjson parse")):
                wall = min(f[f"{label}_wall_s"] for f in floors)
                cpu = min(f[f"{label}_cpu_s"] for f in floors)
                print(
                    f"  floor: {name:<18} {wall:6.2f} s wall, {cpu:.2f} s CPU "
                    f"(the whole load takes {best_cpu / cpu:.1f}x its CPU time)"
                )
        peak = max(r["peak_rss_mib"] for r in runs)
        print(f"  peak RSS             {peak:>10.0f} MiB (at start {result['rss_before_mib']:.0f} MiB)")
        if "tracemalloc_peak_mib" in result:
            print(f"  Python heap peak     {result['tracemalloc_peak_mib']:>10.0f} MiB (tracemalloc)")


if __name__ == "__main__":
    main()
