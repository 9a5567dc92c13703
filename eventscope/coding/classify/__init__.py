"""The learned, explainable half of event classification (see revise.py for what it does).

Two linear models over readable features (features.py), stored as plain arrays under
coding/data/models and trained by tools/train_classifier.py: a sentence model for the
Multi-CoPED class5 and a document model for the PLOVER event type.
"""

from eventscope.coding.classify.classifier import EventClassifier

__all__ = ["EventClassifier"]
