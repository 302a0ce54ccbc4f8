"""Runs the extractor over JSON Lines input and reads its output, for the measuring scripts
(gsr_roles.py, bnews_stats.py). Standard library only."""
import json, os, shlex, subprocess, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
# The extractor reading {"id", "text"} JSON Lines on stdin and printing one object per line.
DEFAULT_CMD = "cargo run --quiet --release -p syria-extract-cli -- extract --jsonl"


def read_predictions(lines, source, tool):
    """{id: output object} from extraction output lines; a bad line stops with its place."""
    preds = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            o = json.loads(line)
            preds[o["id"]] = o
        except (ValueError, KeyError, TypeError) as e:
            sys.exit(f"{tool}: {source}:{n}: not a prediction line ({e})")
    return preds


def run_extractor(cmd, input_lines, tool):
    """Runs `cmd` from the repository root with the JSONL `input_lines` on stdin."""
    inp = "".join(input_lines).encode()
    try:
        proc = subprocess.run(shlex.split(cmd), input=inp, capture_output=True, cwd=ROOT)
    except OSError as e:
        sys.exit(f"{tool}: cannot run {cmd!r}: {e}")
    if proc.returncode != 0:
        sys.exit(f"{tool}: {cmd!r} failed ({proc.returncode}):\n{proc.stderr.decode(errors='replace')[-2000:]}")
    return read_predictions(proc.stdout.decode().splitlines(), cmd, tool)
