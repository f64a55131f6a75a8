"""One reader per part of the standard: document model in, model dataclasses out."""
