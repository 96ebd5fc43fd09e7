#!/usr/bin/python3
"""Runs Java notebooks in a real Jupyter kernel (rapaio-jupyter-kernel, named `java`).

  notebooks/execute.py --write nb.ipynb ...   run every cell, save the fresh outputs into the file
  notebooks/execute.py --check nb.ipynb ...   run every cell, fail if a cell errs (unless tagged
                                              raises-exception) or if a text output differs from
                                              the committed one (stale outputs)

Uses Debian's nbclient (apt-get install python3-nbclient). The kernel spec lives in
target/jupyter/kernels/java/kernel.json (see notebooks/kernel.sh).
"""
import sys

import nbformat
from nbclient import NotebookClient


def main(argv):
    if len(argv) < 3 or argv[1] not in ("--write", "--check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, paths = argv[1], argv[2:]
    failed = False
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name="java", timeout=120, startup_timeout=60,
                                resources={"metadata": {"path": __import__("os").path.dirname(path) or "."}})
        client.execute()
        if mode == "--write":
            nbformat.write(nb, path)
            print(f"{path}: executed, outputs saved")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
