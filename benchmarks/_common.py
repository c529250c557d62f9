"""Shared helpers for the benchmark scripts (run from the project root)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # run from a checkout, installed or not

from claimlint.config import Config, resolve_rules
from claimlint.linter import Linter


def linter_for(*rule_ids: str, **options) -> Linter:
    """A linter running only `rule_ids`, with `options` applied to each of them."""
    config = Config(rules={rule_id: {"options": options} for rule_id in rule_ids} if options else {})
    return Linter(resolve_rules(config, select=list(rule_ids)))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
