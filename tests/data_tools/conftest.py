"""The generators of the synthetic training files are scripts in data/tools/, outside the library."""
import sys

from tests.helpers import REPO

sys.path.insert(0, str(REPO / "data" / "tools"))
