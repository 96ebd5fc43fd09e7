#!/usr/bin/python3
"""Runs Java notebooks headless in a real Jupyter kernel (the `java` kernel spec the build writes).

  notebooks/execute.py --check nb.ipynb ...   run every cell; exit 1 if a cell errs (unless it is
                                              tagged raises-exception) or if a text output differs
                                              from the committed one (a stale notebook)
  notebooks/execute.py --write nb.ipynb ...   run every cell and save the fresh outputs in place
                                              (refused if a cell errs that is not tagged)

A cell tagged `check` holds the prose to the output: `check("entity 1 is 01 00 00 00", expected,
actual)` prints the claim with a check mark, or fails the cell (and so the run) when the output no
longer says what the text says. A check cell that checks nothing fails too.

Needs Debian's executor (apt-get install -y python3-nbclient; run it with /usr/bin/python3) and
the kernel spec and jar under target/jupyter (any `mvn package` writes them). The kernel starts in
the notebook's folder, so `%jars ../target/ecs-wasm-workbench-all.jar` finds the shaded jar.

rapaio-jupyter-kernel 3.0.1 hangs on about one start in eight (two races in its start-up). The
kernel spec the build writes runs it with those two classes fixed (notebooks/kernel/src); should a
start still not answer within --startup-timeout seconds, it is abandoned and retried, up to
--attempts times, and each retry is printed.
"""
import argparse
import copy
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JUPYTER_DIR = os.path.join(ROOT, "target", "jupyter")
KERNEL = "java"
ALLOWED_TAG = "raises-exception"
# A cell tagged "check" holds the lesson's prose to its output with Workbench.check(...), each
# claim that holds printed as a line starting with CHECKED; a claim that fails errs the cell.
CHECK_TAG = "check"
CHECKED = "\u2713 "

# Text that changes from run to run and says nothing about the code: durations, identity hash codes.
VOLATILE = [
    (re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s)\b"), "<duration>"),
    (re.compile(r"@[0-9a-f]{5,8}\b"), "@<hash>"),
    (re.compile(r"\$\$Lambda[$/0-9a-zA-Z.]*"), "$$Lambda"),
]


class KernelStartError(Exception):
    pass


def normalise(text):
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text.rstrip()


def text_of(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def texts(cell):
    """What a cell's outputs say as text: its stdout in one piece, then each result's text/plain."""
    stdout, results = [], []
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream" and out.get("name") == "stdout":
            stdout.append(text_of(out.get("text")))
        elif kind in ("execute_result", "display_data"):
            data = out.get("data", {})
            # rapaio sends a bare result as text/html only; other kernels send text/plain.
            for mime in ("text/plain", "text/html"):
                if mime in data:
                    results.append(f"{mime}: " + normalise(text_of(data[mime])))
                    break
        elif kind == "error":
            results.append("error: " + normalise(f"{out.get('ename')}: {out.get('evalue')}"))
    joined = normalise("".join(stdout))
    return ([joined] if joined else []) + results


def relative_paths(nb, folder):
    """Writes paths under the notebook's folder as the notebook does (`%jars` echoes them whole)."""
    prefix = folder.rstrip(os.sep) + os.sep
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                out["text"] = text_of(out["text"]).replace(prefix, "")


def errors(nb):
    """(index, first source line, message) of each cell that failed and is not tagged to fail, and
    of each check cell that checked nothing (no line starting with CHECKED: a claim held)."""
    found = []
    for index, cell in enumerate(nb.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type != "code" or ALLOWED_TAG in tags:
            continue
        first = (cell.source.strip().splitlines() or [""])[0]
        failure = next((out for out in cell.get("outputs", []) if out.get("output_type") == "error"), None)
        if failure is not None:
            found.append((index, first, f"{failure.get('ename')}: {failure.get('evalue')}".strip()))
        elif CHECK_TAG in tags and not any(line.startswith(CHECKED) for text in texts(cell)
                                           for line in text.splitlines()):
            found.append((index, first, "a check cell that printed no checked claim (call check(...))"))
    return found


def stale(committed, fresh):
    """Messages for each code cell whose text outputs differ between the two notebooks."""
    found = []
    for index, (old, new) in enumerate(zip(committed.cells, fresh.cells)):
        if old.cell_type != "code":
            continue
        a, b = texts(old), texts(new)
        if a == b:
            continue
        a_lines, b_lines = "\n".join(a).splitlines(), "\n".join(b).splitlines()
        line = next((i for i, (x, y) in enumerate(zip(a_lines, b_lines)) if x != y),
                    min(len(a_lines), len(b_lines)))
        was = a_lines[line] if line < len(a_lines) else "<nothing>"
        now = b_lines[line] if line < len(b_lines) else "<nothing>"
        found.append(f"cell {index}, output line {line + 1}: committed {was!r}, fresh {now!r}")
    return found


def run(path, args, log):
    """Executes a copy of the notebook; returns (notebook, seconds to start, cell seconds, retries)."""
    committed = nbformat.read(path, as_version=4)
    folder = os.path.dirname(os.path.abspath(path))
    retries = 0
    for attempt in range(1, args.attempts + 1):
        nb = copy.deepcopy(committed)
        for cell in nb.cells:  # timestamps of an earlier run would churn every saved notebook
            cell.metadata.pop("execution", None)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=args.timeout,
                                startup_timeout=args.startup_timeout, allow_errors=True,
                                record_timing=False, shutdown_kernel="immediate",
                                resources={"metadata": {"path": folder}})
        started_at = time.monotonic()
        started = False
        log.write(f"--- {path}: kernel start {attempt}\n")
        log.flush()
        try:
            with client.setup_kernel(stdout=log, stderr=log):
                started = True
                start_s = time.monotonic() - started_at
                info = client.wait_for_reply(client.kc.kernel_info())
                if info and "language_info" in info["content"]:
                    nb.metadata["language_info"] = info["content"]["language_info"]
                cells_at = time.monotonic()
                for index, cell in enumerate(nb.cells):
                    client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                relative_paths(nb, folder)
                return nb, start_s, time.monotonic() - cells_at, retries
        except Exception as e:  # a start that did not answer in time: abandon it and start again
            if started:
                raise
            retries += 1
            print(f"{path}: kernel start {attempt} of {args.attempts} failed within "
                  f"{args.startup_timeout} s ({type(e).__name__}: {e}); "
                  + ("retrying" if attempt < args.attempts else "giving up"), flush=True)
    raise KernelStartError(f"the kernel did not start in {args.attempts} attempts")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="fail on a cell error or a stale output")
    mode.add_argument("--write", action="store_true", help="save fresh outputs into the notebooks")
    parser.add_argument("--startup-timeout", type=int, default=15, metavar="S")
    parser.add_argument("--attempts", type=int, default=4, help="kernel starts tried per notebook")
    parser.add_argument("--timeout", type=int, default=120, metavar="S", help="per cell")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv[1:])

    spec = os.path.join(JUPYTER_DIR, "kernels", KERNEL, "kernel.json")
    if not os.path.isfile(spec):
        print(f"no kernel spec at {spec}: run `mvn package` first (it fetches the kernel and "
              f"writes the spec)", file=sys.stderr)
        return 2
    os.environ["JUPYTER_PATH"] = JUPYTER_DIR + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    os.makedirs(os.path.join(JUPYTER_DIR, "logs"), exist_ok=True)

    failed = False
    for path in args.notebooks:
        name = os.path.basename(path)
        log_path = os.path.join(JUPYTER_DIR, "logs", os.path.splitext(name)[0] + ".log")
        began = time.monotonic()
        try:
            with open(log_path, "w") as log:
                nb, start_s, cells_s, retries = run(path, args, log)
        except Exception as e:  # the kernel did not start, died, or a cell ran out of time
            print(f"FAIL {path}: {type(e).__name__}: {e} (kernel log: {log_path})",
                  file=sys.stderr, flush=True)
            failed = True
            continue
        whole_s = time.monotonic() - began
        problems = [f"cell {i} failed: {msg}\n    {first}" for i, first, msg in errors(nb)]
        if args.check:
            problems += stale(nbformat.read(path, as_version=4), nb) if not problems else []
        code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
        print(f"{path}: {code_cells} code cells, cells {cells_s:.1f} s, whole run {whole_s:.1f} s "
              f"(kernel start {start_s:.1f} s, {retries} retr{'y' if retries == 1 else 'ies'})",
              flush=True)
        if problems:
            failed = True
            what = "stale or failing" if args.check else "not saved"
            print(f"FAIL {path} ({what}):\n  " + "\n  ".join(problems), file=sys.stderr, flush=True)
            if args.check and not errors(nb):
                print(f"  refresh it with: notebooks/execute.py --write {path}", file=sys.stderr)
        elif args.write:
            nbformat.write(nb, path)
            print(f"{path}: fresh outputs saved", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
