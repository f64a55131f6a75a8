"""dicomkit.core.json, kept for the layers below web/: it agrees with dicomkit.web.json_model
(the full model, tested in tests/web/test_json_model.py) wherever both apply."""

from __future__ import annotations

import pytest

import dicomkit
from dicomkit.core import json as core_json
from dicomkit.errors import DicomError
from dicomkit.web import json_model
from tests.samples import sample_str as sample


@pytest.mark.parametrize("name", ["rtplan.dcm", "CT_small.dcm", "JPEG2000.dcm", "MR_small.dcm",
                                  "test-SR.dcm"])
def test_core_json_agrees_with_the_web_model(name: str) -> None:
    ds = dicomkit.read(sample(name))
    doc = core_json.to_json_dict(ds)
    assert doc == json_model.to_json_dict(ds)
    assert core_json.from_json_dict(doc) == json_model.from_json_dict(doc)


def test_core_json_refuses_bulk_data_uris_which_the_web_model_keeps() -> None:
    doc = {"7FE00010": {"vr": "OB", "BulkDataURI": "http://x"}}
    with pytest.raises(DicomError, match="BulkDataURI"):
        core_json.from_json_dict(doc)
    assert json_model.from_json_dict(doc)[0x7FE00010].value.uri == "http://x"
