"""The ``dignitary`` command line: validate, convert, train, evaluate, extract, export."""
from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from . import __version__
from .errors import DataError, DignitaryError

_signals: list[int] = []  # the signals that interrupted this process


def _on_sigterm(signum, frame) -> None:
    _signals.append(signum)
    raise KeyboardInterrupt


def _interrupted_exit_code() -> int:
    """128 + the signal: 130 after Ctrl-C (SIGINT), 143 after SIGTERM."""
    return 128 + (_signals[-1] if _signals else signal.SIGINT)


def _add_validate(sub) -> None:
    p = sub.add_parser("validate", help="check JSONL files (inline or standoff) against ANNOTATION.md and a schema")
    p.add_argument("files", nargs="+")
    p.add_argument("--schema", default=None, help="built-in schema name or schema JSON file (default: default)")
    p.add_argument("--texts", nargs="+", default=[], help="JSONL files holding the texts of standoff files")
    p.set_defaults(func=cmd_validate)


def cmd_validate(args) -> int:
    from .jsonl import validate_file
    from .schema import Schema
    from .standoff import is_standoff, validate_standoff

    schema = Schema.load(args.schema)
    failed = 0
    seen: dict[str, tuple[str, int]] = {}
    for path in args.files:
        if Path(path).is_file() and is_standoff(path):
            ok, errors = validate_standoff(path, args.texts, schema)
        else:
            ok, errors = validate_file(path, schema, seen)
        for err in errors:
            print(f"error: {err}", file=sys.stderr)
        failed += len(errors)
        print(f"{path}: {ok} valid documents, {len(errors)} errors")
    return 1 if failed else 0


def _add_stats(sub) -> None:
    p = sub.add_parser("stats", help="count documents, entities and relations per label (Markdown table)")
    p.add_argument("files", nargs="+", help="JSONL files, inline or standoff")
    p.add_argument("--schema", default=None)
    p.add_argument("--texts", nargs="+", default=[], help="JSONL files holding the texts of standoff files")
    p.set_defaults(func=cmd_stats)


def cmd_stats(args) -> int:
    from collections import Counter

    from .schema import Schema
    from .standoff import load_documents

    schema = Schema.load(args.schema)
    columns = ["documents", "characters", *schema.entity_labels, *schema.relation_labels]
    print("| file | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for path in args.files:
        docs = load_documents(path, schema, args.texts)
        counts = Counter(e.label for d in docs for e in d.entities)
        counts.update(r.label for d in docs for r in d.relations)
        counts["documents"] = len(docs)
        counts["characters"] = sum(len(d.text) for d in docs)
        print(f"| {Path(path).name} | " + " | ".join(str(counts[c]) for c in columns) + " |")
    return 0


def _add_convert(sub) -> None:
    from .convert import FORMATS

    p = sub.add_parser("convert", help="convert between JSONL, BRAT, SpERT, CoNLL, doccano and Label Studio")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--from", dest="src", choices=FORMATS, help="input format (guessed from the path if omitted)")
    p.add_argument("--to", dest="dst", choices=FORMATS, help="output format (guessed from the path if omitted)")
    p.add_argument("--schema", default=None, help="validate the converted documents against this schema")
    p.set_defaults(func=cmd_convert)


def cmd_convert(args) -> int:
    from .convert import ENTITY_ONLY_FORMATS, guess_format, read_documents, write_documents
    from .schema import Schema
    from .validation import parse_record

    docs = read_documents(args.input, args.src)
    if args.schema:
        schema = Schema.load(args.schema)
        for n, doc in enumerate(docs, 1):
            try:
                parse_record(doc.to_dict(), schema)
            except DignitaryError as exc:
                raise DignitaryError(f"{args.input}: document {doc.id} (#{n}): {exc}") from None
    write_documents(docs, args.output, args.dst)
    n_ent = sum(len(d.entities) for d in docs)
    n_rel = sum(len(d.relations) for d in docs)
    if (args.dst or guess_format(args.output)) in ENTITY_ONLY_FORMATS:
        rel_note = f"0 relations ({n_rel} dropped: the format holds entities only)" if n_rel else "0 relations"
    else:
        rel_note = f"{n_rel} relations"
    print(f"{args.output}: {len(docs)} documents, {n_ent} entities, {rel_note}")
    return 0


def _add_train(sub) -> None:
    from .training.options import add_config_flags

    p = sub.add_parser("train", help="fine-tune a joint model (flags: the fields of training.TrainConfig)")
    add_config_flags(p)
    p.set_defaults(func=cmd_train)


def _add_pseudo_label(sub) -> None:
    p = sub.add_parser("pseudo-label", help="label unannotated documents with a model (standoff with scores)")
    p.add_argument("inputs", nargs="+", help="JSONL files of texts (an `id` and a `text` per line)")
    p.add_argument("-o", "--output", required=True, help="standoff JSONL to write")
    p.add_argument("--model", help="model directory or name (default: the default model)")
    p.add_argument("--exclude", nargs="+", default=[],
                   help="annotated files (dev sets, training articles) whose documents are skipped, by id and text")
    p.add_argument("--texts", nargs="+", default=[], help="JSONL files holding the texts of standoff --exclude files")
    p.add_argument("--relation-floor", type=float, default=0.05,
                   help="keep relations down to this probability (their scores are soft targets)")
    p.add_argument("--limit", type=int, help="label at most this many documents")
    p.add_argument("--dtype", default="auto")
    p.add_argument("--device", default="auto")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=cmd_pseudo_label)


def cmd_pseudo_label(args) -> int:
    from .training.pseudo import pseudo_label

    n = pseudo_label(args.model, args.inputs, args.output, args.exclude, args.texts, args.relation_floor,
                     args.dtype, args.device, args.batch_size, args.limit, progress=not args.no_progress)
    print(f"{n} documents pseudo-labelled into {args.output}")
    return 0


def cmd_train(args) -> int:
    from .training import train
    from .training.options import config_from_args, config_values

    values = config_values(args)
    fixed = {}
    if "encoder" not in values and values.get("teacher") and values.get("student_layers"):
        fixed["encoder"] = values["teacher"]  # a student taken from the teacher's layers
    if values.get("init_model"):
        _check_init_model_flags(values)
        fixed["encoder"] = values["init_model"]  # fine-tuning a trained model: its own encoder
    state = train(config_from_args(args, **fixed))
    print(json.dumps({"best_epoch": state.get("best_epoch"), "best": state.get("best")}))
    return 0


def _check_init_model_flags(values: dict) -> None:
    """Flags given beside ``--init-model`` that the model would silently override are errors."""
    from .models.metadata import load_model_meta
    from .training.trainer import init_model_clashes

    model = values["init_model"]
    clashes = [f"--{name.replace('_', '-')} {given!r} (the model's: {kept!r})"
               for name, (given, kept) in init_model_clashes(values, load_model_meta(model).heads).items()]
    if "encoder" in values and Path(values["encoder"]).resolve() != Path(model).resolve():
        clashes.append(f"--encoder {values['encoder']} (the model's own encoder is fine-tuned)")
    if clashes:
        raise DignitaryError(f"--init-model {model} keeps its head settings and encoder; drop " + ", ".join(clashes))


def _add_calibrate(sub) -> None:
    p = sub.add_parser("calibrate", help="choose a model's runtime settings (stored in the model): the relation "
                                         "threshold on a dev file, the dtype `auto` means on the CPU")
    p.add_argument("--model", required=True)
    p.add_argument("--dev", nargs="+", default=[],
                   help="dev JSONL files, inline or standoff: the relation threshold is chosen on all of them")
    p.add_argument("--texts", nargs="+", default=[], help="JSONL files holding the texts of standoff --dev files")
    p.add_argument("--cpu-dtype", choices=("fp32", "int8"),
                   help="what --dtype auto means for this model on the CPU (int8: a fast tier)")
    p.add_argument("--device", default="auto")
    p.set_defaults(func=cmd_calibrate)


def cmd_calibrate(args) -> int:
    from .device import resolve_device
    from .models.metadata import set_preferred_cpu_dtype
    from .schema import Schema
    from .standoff import load_documents
    from .training.threshold import tune_relation_threshold

    if not args.dev and not args.cpu_dtype:
        raise DignitaryError("calibrate needs --dev (relation threshold) or --cpu-dtype")
    if args.cpu_dtype:
        set_preferred_cpu_dtype(args.model, args.cpu_dtype)
        print(json.dumps({"cpu_dtype": args.cpu_dtype}))
    if args.dev:
        meta = json.loads((Path(args.model) / "dignitary.json").read_text(encoding="utf-8"))
        schema = Schema.from_dict(meta["schema"])
        dev = [doc for path in args.dev for doc in load_documents(path, schema, args.texts)]
        result = tune_relation_threshold(args.model, dev, resolve_device(args.device))
        print(json.dumps({"threshold": result["threshold"],
                          "sweep": {f"{k:.2f}": round(v, 4) for k, v in result["sweep"].items()}}))
    return 0


def _add_average(sub) -> None:
    p = sub.add_parser("average", help="average the weights of models fine-tuned from one base encoder "
                                       "(a model soup); calibrate the result afterwards")
    p.add_argument("models", nargs="+", help="model directories (same encoder, tokenizer, schema and heads)")
    p.add_argument("-o", "--output", required=True, help="model directory to write")
    p.add_argument("--weights", nargs="+", type=float, help="one weight per model (default: uniform)")
    p.set_defaults(func=cmd_average)


def cmd_average(args) -> int:
    from .training.soup import average_models

    target = average_models(args.models, args.output, args.weights)
    print(json.dumps({"output": str(target), "models": args.models, "weights": args.weights or "uniform"}))
    return 0


def _add_evaluate(sub) -> None:
    p = sub.add_parser("evaluate", help="score a model (or a prediction file) against gold JSONL files")
    p.add_argument("gold", nargs="+", help="gold JSONL files, inline or standoff (each is scored on its own)")
    p.add_argument("--texts", nargs="+", default=[],
                   help="JSONL files holding the texts of standoff gold files "
                        "(e.g. ../shared/data/unlabeled/news.jsonl)")
    p.add_argument("--model", help="model directory (default: the shipped model)")
    p.add_argument("--predictions", help="score this JSONL instead of running a model")
    p.add_argument("--device", default="auto")
    p.add_argument("--dtype", default="auto")
    p.add_argument("--json", dest="json_out", help="write the full report as JSON here")
    p.add_argument("--markdown", help="write the report as Markdown here")
    p.add_argument("--errors", metavar="ERRORS.jsonl",
                   help="write every error here (one JSON object each: kind, gold and predicted mention or "
                        "relation, context) and add counts of the error kinds to the report")
    p.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args) -> int:
    from .evaluation import evaluate_documents
    from .standoff import load_documents

    if args.predictions and len(args.gold) > 1:
        raise SystemExit("error: --predictions scores one gold file; give one")
    if args.predictions:
        from .schema import Schema

        schema = Schema.load(None)
        predicted_by_file = load_documents(args.predictions, None, args.texts)
    else:
        from .extractor import Extractor

        extractor = Extractor.from_pretrained(args.model, device=args.device, dtype=args.dtype)
        schema = extractor.schema
    from .evaluation.errors import errors_markdown, find_errors

    reports, error_lines, error_tables = {}, [], {}
    for gold_path in args.gold:
        gold = load_documents(gold_path, None if args.predictions else schema, args.texts)
        predicted = predicted_by_file if args.predictions else list(extractor.pipe(gold))
        reports[gold_path] = evaluate_documents(gold, predicted, schema)
        if args.errors:
            errors = find_errors(gold, predicted, schema)
            error_lines += [json.dumps({"file": gold_path, **e.to_dict()}, ensure_ascii=False) + "\n" for e in errors]
            error_tables[gold_path] = errors_markdown(errors, schema.entity_labels)
    if args.errors:
        Path(args.errors).write_text("".join(error_lines), encoding="utf-8")
    single = len(reports) == 1
    if args.json_out:
        payload = (next(iter(reports.values())).as_dict() if single
                   else {path: report.as_dict() for path, report in reports.items()})
        Path(args.json_out).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    markdown = "\n".join((report.to_markdown() if single else f"## {path}\n\n{report.to_markdown()}")
                         + (f"\n{error_tables[path]}" if path in error_tables else "")
                         for path, report in reports.items())
    if args.markdown:
        Path(args.markdown).write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an integer") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


AUTO = "auto"


def _workers(value: str) -> int | str:
    return AUTO if value == AUTO else _positive_int(value)


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="extract entities and relations from text/JSONL files and folders")
    p.add_argument("inputs", nargs="+", help=".txt, .jsonl, folders (recursive) or - for stdin")
    p.add_argument("-o", "--output", default="-", help="output JSONL (default: stdout)")
    p.add_argument("--model", help="model directory (default: the shipped model)")
    p.add_argument("--batch-size", type=_positive_int, default=32, help="documents per batch")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, mps")
    p.add_argument("--dtype", default="auto", help="auto, fp32, bf16, fp16, int8 (CPU)")
    p.add_argument("--backend", default="auto", choices=["auto", "torch", "onnx"],
                   help="auto: onnx for --dtype int8, else torch; onnx runs without torch (CPU)")
    p.add_argument("--threads", type=_positive_int,
                   help="CPU threads of each process holding the model (default with --workers: the CPUs shared out)")
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    p.add_argument("--stdin-format", default="auto", choices=["auto", "jsonl", "text"],
                   help="auto: JSONL if the first line starts with '{', else one plain-text document")
    p.add_argument("--errors", help="errors JSONL (default: OUTPUT.errors.jsonl, or stderr)")
    p.add_argument("--resume", action="store_true", help="skip ids already in OUTPUT")
    p.add_argument("--tables", help="folder for positions.csv and meetings.csv")
    p.add_argument("--engine", default="local", choices=["local", "ray"])
    p.add_argument("--address", help="Ray cluster address (engine ray)")
    p.add_argument("--workers", type=_workers, default=AUTO,
                   help="processes holding the model (engine local; 1: this process) or Ray actors (engine ray); "
                        "auto (default): one per CPU (at most 8) for a model served in int8, else 1 (ray: 1)")
    p.add_argument("--gpus-per-worker", type=float, default=0.0, help="GPUs per Ray actor (engine ray)")
    p.add_argument("--cpus-per-worker", type=float, default=1.0, help="CPUs per Ray actor (engine ray)")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args) -> int:
    from .extract_run import ExtractJob, LocalEngine, run_extract
    from .extractor import ModelSettings

    job = ExtractJob(args.inputs, args.output, args.errors, args.resume, args.tables, args.batch_size,
                     args.text_field, args.id_field, args.stdin_format, progress=not args.no_progress)
    if args.workers == AUTO:
        args.workers = 1
        if args.engine == "local":
            from .process_engine import auto_workers

            planned = ModelSettings(args.model, args.device, args.dtype, args.backend, threads=args.threads)
            args.workers = auto_workers(planned, args.threads)
    if args.engine == "ray":
        from .integrations.ray import RayEngine

        summary = run_extract(job, lambda: RayEngine.start(args))
    elif args.workers > 1:
        from .models.registry import locate_model
        from .process_engine import ProcessEngine, threads_per_worker

        model = str(locate_model(args.model).path.resolve())  # found once, here: every worker loads the same
        settings = ModelSettings(model, args.device, args.dtype, args.backend, args.batch_size,
                                 threads=threads_per_worker(args.workers, args.threads))
        summary = run_extract(job, lambda: ProcessEngine.start(settings, args.workers))
    else:
        settings = ModelSettings(args.model, args.device, args.dtype, args.backend, args.batch_size,
                                 threads=args.threads)
        summary = run_extract(job, lambda: LocalEngine(settings.load()))
    print(f"{_plural(summary.documents, 'document')} ({_plural(summary.words, 'word')}) in {summary.seconds:.1f}s; "
          f"{summary.skipped} skipped as done; {_plural(summary.errors, 'error')}"
          + (f" (see {job.errors_path})" if summary.errors and job.errors_path else "")
          + (f" (engine {args.engine}, {args.workers} workers)" if args.workers > 1 or args.engine == "ray" else ""),
          file=sys.stderr)
    if summary.interrupted:
        print("interrupted: output is valid; rerun with --resume to continue", file=sys.stderr)
        return _interrupted_exit_code()
    return 2 if summary.errors else 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _add_records(sub) -> None:
    p = sub.add_parser("records",
                       help="meetings, positions, events (JSONL per RECORDS.md), tables, graph, PLOVER, HTML")
    p.add_argument("inputs", nargs="+", help="annotated JSONL (from extract), or .txt/.jsonl/folders to extract")
    p.add_argument("-o", "--output", required=True, help="output folder")
    p.add_argument("--model", help="model for un-annotated inputs (default: the shipped model)")
    p.add_argument("--device", default="auto")
    p.add_argument("--date-order", default="DMY", choices=["DMY", "MDY"],
                   help="how to read numeric dates such as 09/06/2025 (default: day first)")
    p.add_argument("--no-html", action="store_true")
    p.set_defaults(func=cmd_records)


def cmd_records(args) -> int:
    from .batch import discover_inputs, iter_inputs
    from .records import build_records
    from .records.export import write_graphml, write_jsonl, write_records_jsonl, write_tables
    from .records.plover import plover_events
    from .records.report import write_reports
    from .validation import has_annotations, parse_annotations

    docs, raw, n_errors = [], [], 0
    for rec in iter_inputs(discover_inputs(args.inputs)):
        if rec.document is not None and has_annotations(rec.document):
            try:
                docs.append(parse_annotations(rec.document))
            except DataError as exc:
                rec.error = DataError(f"document {rec.document.id!r}: {exc.reason}", rec.source, rec.line)
        elif rec.document is not None:
            raw.append(rec.document)
        if rec.error is not None:
            print(f"error: {rec.error}; record skipped", file=sys.stderr)
            n_errors += 1
    if raw:
        from .extractor import Extractor

        docs += list(Extractor.from_pretrained(args.model, device=args.device).pipe(raw))
    records = build_records(docs, date_order=args.date_order)
    out = Path(args.output)
    texts = {d.id: d.text for d in docs}
    write_records_jsonl(records, texts, out)
    write_jsonl(plover_events(records, texts), out / "plover.jsonl")
    write_tables(records, out)
    write_graphml(records, out / "meetings.graphml")
    if not args.no_html:
        write_reports(docs, records, out / "report")
    print(f"{out}: {len(docs)} documents, {len(records.positions)} positions, {len(records.meetings)} meetings, "
          f"{len(records.events)} events, {len(records.entities)} entities"
          + (f"; {_plural(n_errors, 'record')} skipped" if n_errors else ""))
    return 2 if n_errors else 0


def _add_evaluate_records(sub) -> None:
    p = sub.add_parser("evaluate-records",
                       help="score records (OUT/meetings.jsonl, positions.jsonl) against record gold")
    p.add_argument("gold", help="record gold JSONL (RECORDS.md)")
    p.add_argument("out", help="the folder `dignitary records` wrote")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_evaluate_records)


def cmd_evaluate_records(args) -> int:
    from .records.scoring import format_scores, score_records

    result = score_records(args.gold, args.out)
    print(json.dumps(result, indent=1) if args.json else format_scores(result))
    return 0


def _add_export(sub) -> None:
    p = sub.add_parser("export", help="export a model for another runtime")
    p.add_argument("format", choices=["onnx"])
    p.add_argument("--model", help="model directory (default: the shipped model)")
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--int8", action="store_true", help="also write int8 weights (ONNX Runtime dynamic quantization)")
    p.add_argument("-o", "--output", help="folder for the ONNX files (default: the cache of this model's exports)")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from .inference.onnx_export import export_onnx
    from .models.registry import locate_model

    return _wrote(export_onnx(locate_model(args.model).path, opset=args.opset, int8=args.int8, output=args.output))


def _wrote(path: Path) -> int:
    """Say where a command's artefact went; the exit status of a command that wrote one."""
    print(f"wrote {path}")
    return 0


def _add_package(sub) -> None:
    p = sub.add_parser("package", help="build a model package wheel (dignitary-model-NAME) from a model directory")
    p.add_argument("model", help="model directory, e.g. models/default")
    p.add_argument("output", help="folder for the wheel")
    p.add_argument("--name", help="model name (default: the directory's name)")
    p.add_argument("--version", dest="model_version", default=__version__, help="package version")
    p.add_argument("--license-file", help="licence text to ship in the wheel")
    p.add_argument("--no-build-isolation", action="store_true", help="build with this environment's setuptools")
    p.set_defaults(func=cmd_package)


def cmd_package(args) -> int:
    from .models.package import build_model_package

    return _wrote(build_model_package(args.model, args.output, name=args.name, version=args.model_version,
                                      license_file=args.license_file, build_isolation=not args.no_build_isolation))


def _add_info(sub) -> None:
    p = sub.add_parser("info", help="library and model versions, model card, schema and labels, backend, device")
    p.add_argument("--model", help="model directory or installed model name (default: the default model)")
    p.add_argument("--device", default="auto")
    p.add_argument("--backend", default="auto", choices=["auto", "torch", "onnx"])
    p.add_argument("--threads", type=int, help="CPU threads")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_info)


def cmd_info(args) -> int:
    from .info import collect_info, format_info

    info = collect_info(args.model, device=args.device, backend=args.backend, threads=args.threads)
    print(json.dumps(info, indent=2) if args.json else format_info(info))
    return 1 if "error" in info["model"] else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dignitary", description="Officials, titles and meetings from news.")
    parser.add_argument("--version", action="version", version=f"dignitary {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_validate, _add_stats, _add_convert, _add_train, _add_pseudo_label, _add_calibrate, _add_average,
                _add_evaluate,
                _add_extract, _add_records, _add_evaluate_records, _add_export, _add_package, _add_info):
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _signals.clear()
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return args.func(args)
    except (DignitaryError, OSError, ValueError) as exc:  # OSError: a file that cannot be read or written
        print(f"dignitary {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"dignitary {args.command}: interrupted", file=sys.stderr)
        return _interrupted_exit_code()
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
