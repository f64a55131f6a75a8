

def test_encode_file_meta_is_the_head_encode_file_writes() -> None:
    """The preamble, DICM and file meta written before a data set received as bytes equal what
    encode_file writes for the same meta and syntax."""
    from dicomkit.core.dataset import Dataset
    from dicomkit.io.writer import encode_dataset, encode_file, encode_file_meta

    ds = Dataset()
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.SOPInstanceUID = "1.2.3.4"
    ds.PatientName = "A^B"
    meta = Dataset()
    meta.add_new(0x00020002, "UI", ds.SOPClassUID)
    meta.add_new(0x00020003, "UI", ds.SOPInstanceUID)
    ds.file_meta = meta
    for ts in ("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99"):
        whole = encode_file(ds, ts)
        head = encode_file_meta(meta, ts)
        assert whole == head + encode_dataset(ds, ts)
