"""Shared tests run for every model configuration the library offers (flair's ``BaseModelTest``):
casing features on and off, both context poolings, each encoder family the tests build tiny.
Each configuration trains a few steps (the loss falls), is saved and loaded, and predicts the same."""
import pytest
import torch

from dignitary.extractor import Extractor
from dignitary.models.component import JointComponent
from dignitary.models.pretrained import load_pretrained
from dignitary.training import TrainConfig, Trainer

from tests.helpers import ENCODER_FAMILIES, REPO

CONFIGURATIONS = [(family, casing, pooling) for family in ENCODER_FAMILIES
                  for casing, pooling in ((True, "max"), (False, "mean"))]
TOY = str(REPO / "tests" / "data" / "toy.jsonl")


def names(configuration) -> str:
    family, casing, pooling = configuration
    return f"{family}-{'casing' if casing else 'no-casing'}-{pooling}"


@pytest.fixture(scope="module", params=CONFIGURATIONS, ids=names)
def trained(request, tmp_path_factory, tiny_tokenizer, tiny_model_factory):
    """(configuration, trainer state, in-memory model, saved model directory) after a few steps."""
    family, casing, pooling = request.param
    out = tmp_path_factory.mktemp(names(request.param))
    model = tiny_model_factory(seed=1, family=family, encoder_dropout=0.0, dropout=0.0, casing=casing,
                               context_pooling=pooling, max_tokens=48, relation_hidden=32, relation_threshold=0.3)
    config = TrainConfig(train_files=[TOY], encoder="", output_dir=str(out), epochs=8, batch_size=4,
                         encoder_lr=3e-3, head_lr=1e-2, warmup_ratio=0.0, device="cpu", half=False, seed=3,
                         casing=casing, context_pooling=pooling, tune_threshold=False)
    state = Trainer(config, model=model, tokenizer=tiny_tokenizer).fit()
    return request.param, state, model, out


class TestEveryModelConfiguration:
    def test_a_few_steps_lower_the_loss(self, trained):
        _, state, _, _ = trained
        losses = [h["loss"] for h in state["history"]]
        assert len(losses) == 8 and losses[-1] < 0.5 * losses[0]

    def test_the_saved_model_is_the_configured_one(self, trained):
        (family, casing, pooling), _, _, out = trained
        model, _, _ = load_pretrained(out)
        assert model.encoder.config.model_type == family
        assert (model.config.casing, model.config.context_pooling) == (casing, pooling)
        assert (model.casing is not None) == casing

    def test_save_and_load_keep_the_predictions(self, trained, tiny_tokenizer, toy_docs):
        _, _, model, out = trained
        before = [d.to_dict() for d in Extractor(JointComponent.from_model(model, tiny_tokenizer))(toy_docs)]
        after = [d.to_dict() for d in Extractor.from_pretrained(out, device="cpu")(toy_docs)]
        assert sum(len(d["entities"]) for d in before) >= 5 and sum(len(d["relations"]) for d in before) >= 1
        assert after == before

    def test_loaded_weights_equal_the_trained_ones(self, trained):
        _, _, model, out = trained
        loaded, _, _ = load_pretrained(out)
        trained_state, loaded_state = model.state_dict(), loaded.state_dict()
        assert trained_state.keys() == loaded_state.keys()
        assert all(torch.equal(trained_state[k].cpu(), loaded_state[k]) for k in trained_state)
