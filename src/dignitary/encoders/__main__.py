"""``python -m dignitary.encoders NAME --out DIR``."""
import argparse
import sys

from .install import ENCODERS, install_encoder

parser = argparse.ArgumentParser(prog="python -m dignitary.encoders", description="install a base encoder")
parser.add_argument("name", choices=sorted(ENCODERS))
parser.add_argument("--out", required=True)
parser.add_argument("--force", action="store_true")
args = parser.parse_args()
path = install_encoder(args.name, args.out, args.force)
print(f"{args.name}: {ENCODERS[args.name].description} -> {path} (sha256 verified)")
sys.exit(0)
