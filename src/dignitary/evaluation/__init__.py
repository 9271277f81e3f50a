"""Strict entity and relation scores (ANNOTATION.md), JSON and Markdown reports."""
from .metrics import EvaluationReport, evaluate_documents

__all__ = ["EvaluationReport", "evaluate_documents"]
