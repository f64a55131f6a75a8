"""DataElement behaviour: values decoded lazily survive copies."""

from __future__ import annotations


def test_deepcopy_and_pickle_of_a_read_data_set_keep_values_not_decoded_yet() -> None:
    """A data set read from a file holds values decoded on first access; copying it (deepcopy,
    pickle: multiprocessing) before any access must give the same values."""
    import copy
    import pickle

    import dicomkit
    from tests.samples import sample

    for clone in (copy.deepcopy, lambda d: pickle.loads(pickle.dumps(d))):
        ds = dicomkit.read(sample("CT_small.dcm"))
        other = clone(ds)
        assert str(other.PatientName) == str(dicomkit.read(sample("CT_small.dcm")).PatientName)
        assert other[0x00280010].value == 128
