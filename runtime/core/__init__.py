"""The data model: tags, data elements, datasets, sequences, values and character sets."""
