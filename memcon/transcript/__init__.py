"""Transcript segmentation: speaker labels, continuation paragraphs, stage directions.

Pure core (no Django); shared by every reader whose source is speaker-labelled paragraphs.
"""

from memcon.transcript.labels import Label, split_label
from memcon.transcript.segment import Segment, segment, speaker_labels

__all__ = ["Label", "Segment", "segment", "speaker_labels", "split_label"]
