"""How many CPUs this process may use: its affinity, and a container's CPU quota (cgroup v2
``cpu.max`` or v1 ``cpu.cfs_quota_us``), which neither ONNX Runtime nor torch read when they size
their thread pools: on a 64-core host a container limited to 2 CPUs would otherwise get 32-64
threads each, time-sliced onto 2 CPUs.

Written here rather than taken from ``joblib.cpu_count`` (which reads the same files): importing
joblib costs about 0.15 s of every CLI start on the 2-core machine.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def cpu_quota(root: Path | None = None) -> int | None:
    """The CPUs a cgroup CPU quota allows (rounded up), or ``None`` without a quota."""
    root = root or CGROUP_ROOT
    v2 = _read(root / "cpu.max")  # "max 100000" or "QUOTA PERIOD"
    if v2 is not None:
        quota, _, period = v2.partition(" ")
        fields = (quota, period or "100000")
    else:
        fields = (_read(root / "cpu" / "cpu.cfs_quota_us") or "", _read(root / "cpu" / "cpu.cfs_period_us") or "")
    try:
        quota_us, period_us = int(fields[0]), int(fields[1])
    except ValueError:  # "max", or no such files: no quota
        return None
    if quota_us <= 0 or period_us <= 0:  # v1 writes -1 for none
        return None
    return max(math.ceil(quota_us / period_us), 1)


def affinity_cpus() -> int:
    """The CPUs this process may run on (its affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def usable_cpus() -> int:
    """The CPUs this process can keep busy: its affinity, capped by a cgroup quota."""
    quota = cpu_quota()
    return min(affinity_cpus(), quota) if quota else affinity_cpus()


def default_threads() -> int | None:
    """The thread count to give a runtime that was told none: the quota's CPUs where a cgroup quota
    allows fewer than the affinity, else ``None`` (the runtime's own choice, one per physical core)."""
    quota = cpu_quota()
    return quota if quota and quota < affinity_cpus() else None
