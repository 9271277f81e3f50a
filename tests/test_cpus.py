"""CPU counts: affinity capped by a container's cgroup quota (v2 and v1 files)."""
import pytest

from dignitary import cpus


def _v2(tmp_path, text):
    (tmp_path / "cpu.max").write_text(text + "\n")
    return tmp_path


def _v1(tmp_path, quota, period="100000"):
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text(quota + "\n")
    (tmp_path / "cpu" / "cpu.cfs_period_us").write_text(period + "\n")
    return tmp_path


@pytest.mark.parametrize(("text", "expected"), [("max 100000", None), ("200000 100000", 2), ("150000 100000", 2),
                                                ("50000 100000", 1), ("400000", 4), ("garbage", None)])
def test_cgroup_v2_quota(tmp_path, text, expected):
    assert cpus.cpu_quota(_v2(tmp_path, text)) == expected


@pytest.mark.parametrize(("quota", "period", "expected"), [("-1", "100000", None), ("300000", "100000", 3),
                                                           ("25000", "100000", 1), ("100000", "0", None)])
def test_cgroup_v1_quota(tmp_path, quota, period, expected):
    assert cpus.cpu_quota(_v1(tmp_path, quota, period)) == expected


def test_no_cgroup_files_no_quota(tmp_path):
    assert cpus.cpu_quota(tmp_path) is None


def test_a_quota_below_the_affinity_caps_the_threads(tmp_path, monkeypatch):
    monkeypatch.setattr(cpus, "affinity_cpus", lambda: 64)
    monkeypatch.setattr(cpus, "CGROUP_ROOT", _v2(tmp_path, "200000 100000"))
    assert cpus.usable_cpus() == 2 and cpus.default_threads() == 2


def test_without_a_quota_the_runtime_chooses(tmp_path, monkeypatch):
    monkeypatch.setattr(cpus, "affinity_cpus", lambda: 8)
    monkeypatch.setattr(cpus, "CGROUP_ROOT", _v2(tmp_path, "max 100000"))
    assert cpus.usable_cpus() == 8 and cpus.default_threads() is None
    monkeypatch.setattr(cpus, "CGROUP_ROOT", _v2(tmp_path, "1600000 100000"))  # a quota above the affinity
    assert cpus.usable_cpus() == 8 and cpus.default_threads() is None


def test_the_onnx_sessions_follow_the_quota(tmp_path, monkeypatch, tiny_model_factory, tiny_tokenizer):
    from dignitary.inference import onnx_encoder
    from dignitary.inference.onnx_encoder import OnnxEncoder
    from dignitary.models.pretrained import save_pretrained

    save_pretrained(tiny_model_factory(seed=0), tiny_tokenizer, tmp_path / "model", half=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setattr(onnx_encoder, "default_threads", lambda: 3)
    encoder = OnnxEncoder(tmp_path / "model")
    assert encoder.session.get_session_options().intra_op_num_threads == 3
    assert OnnxEncoder(tmp_path / "model", threads=1).session.get_session_options().intra_op_num_threads == 1
