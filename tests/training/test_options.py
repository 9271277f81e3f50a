"""The `dignitary train` flags come from TrainConfig: every field is a flag, old names keep working."""
import json
import shlex
import typing
from dataclasses import MISSING, fields

import pytest

from dignitary.cli import build_parser
from dignitary.errors import DignitaryError
from dignitary.training import TrainConfig
from dignitary.training.options import config_from_args, flags_of

from tests.helpers import REPO

REQUIRED = ["--train", "a.jsonl", "--encoder", "enc", "-o", "out"]


def parse_train(argv: list[str]) -> TrainConfig:
    return config_from_args(build_parser().parse_args(["train", *argv]))


def other_value(value, hint):
    """A value of type ``hint`` (``X`` or ``X | None``) that differs from ``value``, and its command-line form."""
    if type(None) in typing.get_args(hint):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    kind = typing.get_origin(hint) or hint
    if kind is bool:
        return not value, []
    if kind in (int, float):
        new = kind((value or 0) + 3.25)
        return new, [str(new)]
    if kind is dict:
        return {"note": 1}, ['{"note": 1}']
    if kind is list:
        values = [1, 2] if typing.get_args(hint) == (int,) else ["x.jsonl", "y.jsonl"]
        return values, [str(v) for v in values]
    return "other", ["other"]


def field_default(f):
    return f.default_factory() if f.default_factory is not MISSING else f.default


@pytest.mark.parametrize("f", [f for f in fields(TrainConfig)], ids=lambda f: f.name)
def test_every_field_is_a_flag(f):
    base = parse_train(REQUIRED)
    current = getattr(base, f.name)
    new, words = other_value(current, typing.get_type_hints(TrainConfig)[f.name])
    if "choices" in f.metadata:
        new = next(c for c in f.metadata["choices"] if c != current)
        words = [new]
    flag = flags_of(f)[-1]
    if isinstance(current, bool):
        flag = flag if new else "--no-" + flag[2:]
    config = parse_train([*REQUIRED, flag, *words])
    assert getattr(config, f.name) == new
    assert {k: v for k, v in config.to_dict().items() if k != f.name} == {
        k: v for k, v in base.to_dict().items() if k != f.name}


def test_defaults_are_the_dataclass_defaults():
    config = parse_train(REQUIRED)
    assert config == TrainConfig(train_files=["a.jsonl"], encoder="enc", output_dir="out")
    assert all(field_default(f) == getattr(config, f.name) for f in fields(TrainConfig)
               if f.default is not MISSING or f.default_factory is not MISSING)


def test_the_flags_of_the_model_card_keep_their_meaning():
    card = (REPO / "models" / "default" / "README.md").read_text(encoding="utf-8")
    command = card[card.index("dignitary train"):].split("```")[0].replace("\\\n", " ").split("\n")[0]
    config = parse_train(shlex.split(command)[2:])
    assert config.train_files[0] == "data/train.jsonl" and len(config.train_files) == 21
    assert all((REPO / f).is_file() for f in config.train_files)  # every training file named exists
    assert config.text_files == ["../shared/data/unlabeled/news.jsonl"] and config.dev_file == "data/dev.jsonl"
    assert (config.encoder, config.output_dir, config.epochs, config.patience) == (".encoders/e5-cjk",
                                                                                   "runs/e5cjk_more", 8, 4)
    assert config.encoder_lr == 8e-5 and config.fused_optimizer and config.device == "cpu"


def test_negative_flags_of_earlier_releases():
    config = parse_train([*REQUIRED, "--no-casing", "--fp32", "--no-group-by-length", "--context-pooling", "mean"])
    assert (config.casing, config.half, config.group_by_length, config.context_pooling) == (False, False, False,
                                                                                             "mean")


def test_config_file_gives_values_and_flags_override_them(tmp_path):
    path = tmp_path / "train.json"
    path.write_text(json.dumps({"train_files": ["t.jsonl"], "encoder": "enc", "output_dir": "out", "epochs": 4,
                                "casing": False, "encoder_lr": 1e-4}))
    config = parse_train(["--config", str(path), "--epochs", "6", "--casing"])
    assert (config.train_files, config.epochs, config.casing, config.encoder_lr) == (["t.jsonl"], 6, True, 1e-4)


def test_config_file_with_an_unknown_key_is_an_error(tmp_path):
    path = tmp_path / "train.json"
    path.write_text(json.dumps({"epoch": 4}))
    with pytest.raises(DignitaryError, match=r"unknown training options \['epoch'\]"):
        parse_train([*REQUIRED, "--config", str(path)])


def test_missing_required_options_are_named():
    with pytest.raises(DignitaryError, match="missing training options: --encoder, --output"):
        parse_train(["--train", "a.jsonl"])


def test_train_command_reports_missing_options(capsys):
    from dignitary.cli import main

    assert main(["train", "--train", "a.jsonl"]) == 1
    assert "--encoder" in capsys.readouterr().err


def test_conll04_benchmark_reuses_the_generated_flags():
    import importlib.util

    spec = importlib.util.spec_from_file_location("conll04_run", REPO / "benchmarks" / "conll04" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from dignitary.training.options import config_values

    parser = module.build_parser()
    destinations = {a.dest for a in parser._actions}
    assert {f.name for f in fields(TrainConfig)} - set(module.PROTOCOL_FIELDS) <= destinations
    options = config_values(parser.parse_args(["--unfused-optimizer", "--batch-size", "4", "--no-casing"]))
    assert options["fused_optimizer"] is False and options["batch_size"] == 4 and options["casing"] is False
    assert (options["epochs"], options["patience"], options["half"]) == (20, 5, False)
    assert config_values(parser.parse_args([]))["fused_optimizer"] is True


def test_train_command_trains_with_the_file_and_flag_values(tmp_path, tiny_tokenizer, capsys):
    from dignitary.cli import main

    from tests.helpers import make_tiny_encoder

    encoder_dir = tmp_path / "encoder"
    make_tiny_encoder(len(tiny_tokenizer)).save_pretrained(encoder_dir)
    tiny_tokenizer.save_pretrained(encoder_dir)
    toy = str(REPO / "tests" / "data" / "toy.jsonl")
    path = tmp_path / "train.json"
    path.write_text(json.dumps({"train_files": [toy], "epochs": 5, "max_tokens": 48, "casing": False,
                                "extra": {"note": "from the file"}}))
    out = tmp_path / "model"
    assert main(["train", "--config", str(path), "--encoder", str(encoder_dir), "-o", str(out), "--epochs", "1",
                 "--device", "cpu", "--fp32", "--context-pooling", "mean"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["best_epoch"] is not None
    meta = json.loads((out / "dignitary.json").read_text())
    assert meta["training"] == TrainConfig(train_files=[toy], encoder=str(encoder_dir), output_dir=str(out), epochs=1,
                                           max_tokens=48, casing=False, extra={"note": "from the file"},
                                           device="cpu", half=False, context_pooling="mean").to_dict()
    assert (meta["heads"]["casing"], meta["heads"]["context_pooling"], meta["heads"]["max_tokens"]) == (False, "mean",
                                                                                                       48)
    tuned = tmp_path / "tuned"  # fine-tuning the trained model needs no --encoder and keeps its heads
    assert main(["train", "--init-model", str(out), "--train", toy, "-o", str(tuned), "--epochs", "1",
                 "--device", "cpu", "--fp32"]) == 0
    tuned_meta = json.loads((tuned / "dignitary.json").read_text())
    assert tuned_meta["heads"] == meta["heads"]
    assert (tuned_meta["training"]["encoder"], tuned_meta["training"]["max_tokens"]) == (str(out), 48)


def test_init_model_refuses_flags_it_would_override(tmp_path, tiny_model_dir, capsys):
    from dignitary.cli import main

    toy = str(REPO / "tests" / "data" / "toy.jsonl")
    base = ["train", "--init-model", str(tiny_model_dir), "--train", toy, "-o", str(tmp_path / "m"), "--device", "cpu"]
    assert main([*base, "--max-tokens", "77"]) == 1
    assert "--max-tokens 77" in capsys.readouterr().err
    assert main([*base, "--encoder", str(tmp_path)]) == 1
    assert "the model's own encoder" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()
