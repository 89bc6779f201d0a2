from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds the scoring kit shared by the tests and the bench scripts.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
