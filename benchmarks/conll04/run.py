"""CoNLL04 (SpERT split): fine-tune dignitary on the CoNLL04 schema and score the test set.

Protocol (as SpERT): select the number of epochs on dev, then train the final model on
train+dev for that many epochs and evaluate it once on test. Strict micro/macro F1 (an
entity is correct with exact span and type; a relation with both typed spans and its type).

    python benchmarks/conll04/run.py --encoder .encoders/e5 --seeds 13 --epochs 20

Reads the third-party data from ../shared/data/conll04 (never copied into the repo); writes
results.md and results.json beside this script (or --out-dir).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PUBLISHED = [
    ("SpERT (BERT-base)", 88.94, 71.47),
    ("Table-Sequence", None, 73.6),
    ("PFN", None, 75.0),
    ("REBEL", None, 75.4),
    ("best reported", None, 78.84),
]


def convert(data_dir: Path, work: Path) -> dict[str, Path]:
    from dignitary.convert.spert import read_spert
    from dignitary.jsonl import write_jsonl

    work.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split in ("train", "dev", "test"):
        docs = read_spert(data_dir / f"{split}_triples.json", id_prefix=split)
        paths[split] = work / f"{split}.jsonl"
        write_jsonl(docs, paths[split])
    return paths


def run_seed(seed: int, args, options: dict, paths: dict[str, Path], work: Path) -> dict:
    """Select the epochs on dev (unless --final-epochs), train on train+dev, score on test.

    ``options`` are the ``TrainConfig`` values of the command line (``config_values``).
    """
    import torch

    from dignitary.evaluation import evaluate_documents
    from dignitary.extractor import Extractor
    from dignitary.jsonl import read_jsonl
    from dignitary.training import TrainConfig, train
    from dignitary.training.threshold import set_relation_threshold

    common = {k: v for k, v in options.items() if k not in ("epochs", "patience", *PROTOCOL_FIELDS)}
    common.update(encoder=args.encoder, device=args.device, schema="conll04", seed=seed)
    started = time.time()
    threshold = args.threshold
    if args.final_epochs:
        best_epoch = args.final_epochs
    else:
        sel = train(TrainConfig(train_files=[str(paths["train"])], dev_file=str(paths["dev"]),
                                output_dir=str(work / f"select-{seed}"), epochs=options["epochs"],
                                patience=options["patience"], **common))
        best_epoch = sel["best_epoch"]
        threshold = sel.get("threshold", threshold)
    final_dir = work / f"final-{seed}"
    train(TrainConfig(train_files=[str(paths["train"]), str(paths["dev"])], dev_file=None, output_dir=str(final_dir),
                      epochs=best_epoch, **common))
    set_relation_threshold(final_dir, threshold, source="dev-tuned during selection" if not args.final_epochs
                           else "--threshold")
    ex = Extractor.from_pretrained(final_dir, device=args.device)
    gold = read_jsonl(paths["test"], ex.schema)
    report = evaluate_documents(gold, list(ex.pipe(gold)), ex.schema)
    torch.cuda.empty_cache() if torch.cuda.is_available() else None
    return {"seed": seed, "epochs": best_epoch, "threshold": threshold, "runtime_s": time.time() - started,
            "entity_micro_f1": 100 * report.entities.micro.f1, "entity_macro_f1": 100 * report.entities.macro_f1(),
            "relation_micro_f1": 100 * report.relations.micro.f1,
            "relation_macro_f1": 100 * report.relations.macro_f1(),
            "per_relation": {k: 100 * v.f1 for k, v in report.relations.per_label.items()}}


def seed_range(runs: list[dict], key: str) -> float:
    """Points between the lowest and the highest seed."""
    return max(r[key] for r in runs) - min(r[key] for r in runs)


def summarize(runs: list[dict], args) -> dict:
    """Mean and population std over seeds, with everything needed to repeat the run."""
    keys = ("entity_micro_f1", "entity_macro_f1", "relation_micro_f1", "relation_macro_f1")
    summary = {k: statistics.mean(r[k] for r in runs) for k in keys}
    summary.update({f"{k}_std": statistics.pstdev([r[k] for r in runs]) for k in keys})
    summary.update({f"{k}_range": seed_range(runs, k) for k in keys})
    return {**summary, "encoder": args.encoder, "seeds": [r["seed"] for r in runs], "runs": runs,
            "command": "python benchmarks/conll04/run.py " + " ".join(sys.argv[1:]), "device": args.device,
            "runtime_s": sum(r["runtime_s"] for r in runs)}


def protocol_line(result: dict) -> str:
    """How the number of epochs and the relation threshold of the final models were chosen."""
    if "--final-epochs" in result["command"].split():  # the recorded command is the one source
        return ("Protocol: no selection run; each final model trains on train+dev for the given `--final-epochs` "
                "with the given `--threshold` (both fixed beforehand, without the test set; benchmarks/README.md "
                "says how), then is scored once on test.")
    return ("Protocol (SpERT): per seed, a selection run on train picks the epoch and relation threshold on "
            "dev; the final model trains on train+dev for that many epochs and is scored once on test.")


def render_markdown(result: dict) -> str:
    """``results.md`` from the ``results.json`` dictionary."""
    runs = result["runs"]
    lines = ["# CoNLL04 (SpERT split) — dignitary", "",
             f"Command: `{result['command']}`", "",
             f"Encoder: `{result['encoder']}` · device: {result['device']} · seeds: {result['seeds']} · "
             f"total runtime: {result['runtime_s'] / 60:.1f} min", "",
             protocol_line(result), "",
             "Strict scores on the test set (288 sentences), mean over seeds (± population std):", "",
             "| system | entity micro F1 | relation micro F1 | relation macro F1 |", "|---|---|---|---|",
             f"| **dignitary** | {result['entity_micro_f1']:.2f} ± {result['entity_micro_f1_std']:.2f} | "
             f"{result['relation_micro_f1']:.2f} ± {result['relation_micro_f1_std']:.2f} | "
             f"{result['relation_macro_f1']:.2f} ± {result['relation_macro_f1_std']:.2f} |"]
    for name, ent, rel in PUBLISHED:
        lines.append(f"| {name} (published) | {ent if ent is not None else '—'} | {rel} | — |")
    if len(runs) > 1:
        rel = [r["relation_micro_f1"] for r in runs]
        lines += ["", f"Spread over the {len(runs)} seeds: relation micro F1 from {min(rel):.2f} to {max(rel):.2f} "
                      f"({seed_range(runs, 'relation_micro_f1'):.2f} points between the lowest and the highest)."]
    lines += ["", "Per seed:", "",
              "| seed | epochs | threshold | entity micro | entity macro | relation micro | relation macro |"
              " runtime |", "|---|---|---|---|---|---|---|---|"]
    for r in runs:
        lines.append(f"| {r['seed']} | {r['epochs']} | {r.get('threshold', 0.5)} | {r['entity_micro_f1']:.2f} | "
                     f"{r['entity_macro_f1']:.2f} | "
                     f"{r['relation_micro_f1']:.2f} | {r['relation_macro_f1']:.2f} | {r['runtime_s'] / 60:.1f} min |")
    labels = list(runs[0]["per_relation"])
    lines += ["", "Relation F1 by type (test):", "", "| seed | " + " | ".join(labels) + " |",
              "|---|" + "---|" * len(labels)]
    for r in runs:
        lines.append(f"| {r['seed']} | " + " | ".join(f"{r['per_relation'][k]:.2f}" for k in labels) + " |")
    return "\n".join(lines) + "\n"


# TrainConfig fields the protocol sets itself; every other field is a flag, as in `dignitary train`
PROTOCOL_FIELDS = ("train_files", "dev_file", "output_dir", "text_files", "schema", "seed", "resume",
                   "keep_checkpoint")
DEFAULTS = {"encoder": str(REPO / ".encoders" / "e5"), "epochs": 20, "patience": 5, "fused_optimizer": True,
            "half": False}


def build_parser() -> argparse.ArgumentParser:
    """The benchmark's own flags, and the training flags generated from ``TrainConfig``."""
    from dignitary.training.options import add_config_flags

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "conll04"))
    parser.add_argument("--seeds", type=int, nargs="+", default=[13])
    parser.add_argument("--final-epochs", type=int, help="skip selection and train the final model this long")
    parser.add_argument("--threshold", type=float, default=0.5,
                        help="relation threshold of the final model when --final-epochs skips selection "
                             "(otherwise the one tuned on dev during selection)")
    parser.add_argument("--work", default=str(REPO / "runs" / "conll04"))
    parser.add_argument("--out-dir", default=str(HERE))
    parser.add_argument("--render", metavar="RESULTS_JSON", help="only rewrite results.md from a results.json")
    add_config_flags(parser, exclude=PROTOCOL_FIELDS, defaults=DEFAULTS)  # --epochs, --patience: selection run
    parser.add_argument("--unfused-optimizer", dest="fused_optimizer", action="store_false",
                        default=argparse.SUPPRESS,
                        help="torch's default AdamW instead of the fused one (as the first mpnet run); "
                             "same as --no-fused-optimizer")
    return parser


def main() -> int:
    parser = build_parser()
    args = parser.parse_args()
    from dignitary.device import resolve_device
    from dignitary.training.options import config_values

    options = config_values(args)
    args.encoder = options["encoder"]
    args.device = str(resolve_device(options["device"]))
    work = Path(args.work)
    out_dir = Path(args.out_dir)
    if args.render:
        result = json.loads(Path(args.render).read_text())
    else:
        paths = convert(Path(args.data), work / "data")
        result = summarize([run_seed(seed, args, options, paths, work) for seed in args.seeds], args)
        (out_dir / "results.json").write_text(json.dumps(result, indent=2) + "\n")
    (out_dir / "results.md").write_text(render_markdown(result))
    print(json.dumps({k: result[k] for k in ("entity_micro_f1", "relation_micro_f1", "relation_macro_f1")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
