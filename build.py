#!/usr/bin/env python3
"""`python build.py` is `mouarchive build`: build content/ into site/."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from mouarchive.launch import run

if __name__ == "__main__":
    # The site is the directory this file is in, wherever it is run from; --site overrides.
    run(["build", "--site", str(Path(__file__).resolve().parent), *sys.argv[1:]])
