"""Measure Broadsheet's article extraction against the anchor libraries on the shared data sets.

Runs the shared harness (``../shared/bench/extract_eval.py``, relative to the repository)
over both development sets with Broadsheet's ``extract_article`` and, in the same run, the
anchor extractors. The anchors live in their own virtual environment so that Broadsheet's
dependencies stay lean; ``--setup-anchors`` creates it.

    python bench/extraction.py --setup-anchors          # once: build the anchors venv
    python bench/extraction.py                          # Broadsheet + anchors, both sets
    python bench/extraction.py --anchors trafilatura         # Broadsheet + one anchor (speed ratio)
    python bench/extraction.py --only-broadsheet --limit 200 --dump bench/out/dump
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
HARNESS_DIR = SHARED / "bench"
DATA_SETS = ("extraction-dev", "extraction-dev-trafilatura")
DEFAULT_ANCHORS_PYTHON = Path.home() / ".cache" / "broadsheet" / "anchors-venv" / "bin" / "python"
DEFAULT_JSON = REPO / "bench" / "out" / "extraction.json"
# The harness's adapters (functions of ../shared/bench/anchors.py) by short name.
ANCHOR_FUNCTIONS = {
    "trafilatura": "trafilatura_extract",
    "readability": "readability_extract",
    "newspaper": "newspaper_extract",
    "goose": "goose_extract",
    "justext": "justext_extract",
    "boilerpy3": "boilerpy3_extract",
    "html_text": "html_text_extract",
    "bs4": "bs4_extract",
}
ADAPTER = REPO / "bench" / "broadsheet_extractor.py"
# What the scraper imports (the adapter loads it from the repository without the index and
# search layers), installed beside the anchors.
SCRAPER_REQUIREMENTS = (
    "beautifulsoup4>=4.12",
    "lxml>=5.0",
    "python-dateutil>=2.9",
    "charset-normalizer>=3.3",
    "py3langid>=0.4",
)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    anchors_python = Path(args.anchors_python).expanduser()
    if args.setup_anchors:
        setup_anchors(anchors_python)
        if args.setup_only:
            return 0
    if not (HARNESS_DIR / "extract_eval.py").is_file():
        print(f"harness not found: {HARNESS_DIR.resolve()}/extract_eval.py", file=sys.stderr)
        return 2
    if args.only_broadsheet:
        python = Path(sys.executable)
    else:
        python = anchors_python
        if not python.exists():
            print(
                f"anchors venv not found at {python}; run with --setup-anchors "
                "(or --only-broadsheet to measure Broadsheet alone)",
                file=sys.stderr,
            )
            return 2
    command = harness_command(python, args)
    print("$ " + " ".join(command), file=sys.stderr, flush=True)
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), environment.get("PYTHONPATH", "")) if p
    )
    return subprocess.run(command, cwd=HARNESS_DIR, env=environment, check=False).returncode


def harness_command(python: Path, args: argparse.Namespace) -> list[str]:
    """The extract_eval.py command line for this run."""
    command = [str(python), "extract_eval.py"]
    for name in args.data or DATA_SETS:
        command += ["--data", str((SHARED / "data" / name).resolve())]
    command += ["--extractor", f"{ADAPTER}:extract"]
    if not args.only_broadsheet:
        for name in args.anchors or ():
            command += ["--extractor", f"anchors:{ANCHOR_FUNCTIONS[name]}"]
        if not args.anchors:
            command += ["--extractor", "anchors:ANCHORS"]
    if args.limit:
        command += ["--limit", str(args.limit)]
    json_out = Path(args.json).resolve()
    json_out.parent.mkdir(parents=True, exist_ok=True)
    command += ["--json", str(json_out)]
    if args.dump:
        command += ["--dump", str(Path(args.dump).resolve())]
    if args.bootstrap is not None:
        command += ["--bootstrap", str(args.bootstrap)]
    return command


def setup_anchors(python: Path) -> None:
    """Create the anchors venv that ``python`` belongs to; install the pinned anchors and
    Broadsheet's runtime dependencies into it."""
    env_dir = python.parent.parent
    if not python.exists():
        print(f"creating {env_dir}", file=sys.stderr, flush=True)
        venv.EnvBuilder(with_pip=True).create(env_dir)
    lock = (HARNESS_DIR / "requirements-anchors.lock.txt").resolve()
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check"]
    subprocess.run([*pip, "--no-deps", "-r", str(lock)], check=True)
    subprocess.run([*pip, *SCRAPER_REQUIREMENTS], check=True)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--anchors-python",
        default=str(DEFAULT_ANCHORS_PYTHON),
        help="Python of the anchors venv (default: %(default)s)",
    )
    parser.add_argument(
        "--setup-anchors", action="store_true", help="create the anchors venv and install into it"
    )
    parser.add_argument(
        "--setup-only", action="store_true", help="with --setup-anchors: stop after the setup"
    )
    parser.add_argument(
        "--only-broadsheet",
        action="store_true",
        help="measure Broadsheet alone, with this Python (fast loop)",
    )
    parser.add_argument(
        "--anchors",
        action="append",
        choices=sorted(ANCHOR_FUNCTIONS),
        help="run only this anchor beside Broadsheet (repeatable; default: all of them)",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument(
        "--data", action="append", choices=DATA_SETS, help="one data set (repeatable; default both)"
    )
    parser.add_argument(
        "--json", default=str(DEFAULT_JSON), help="results file (default: %(default)s)"
    )
    parser.add_argument("--dump", help="write every output to DUMP/<set>/<extractor>/<id>.json")
    parser.add_argument("--bootstrap", type=int, help="bootstrap rounds for the body ± column")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
