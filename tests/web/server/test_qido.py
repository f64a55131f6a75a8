"""QIDO-RS of the dicomkit server (PS3.18 10.6) at every level, checked over HTTP."""

from __future__ import annotations

import orjson
import pytest

from dicomkit.generated.web import RETURN_KEYS
from tests.web.server.conftest import Served


def _json(r):  # type: ignore[no-untyped-def]
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/dicom+json"
    return orjson.loads(r.content)


def _values(items, tag):  # type: ignore[no-untyped-def]
    return sorted(str(i[tag]["Value"][0]) if "Value" in i[tag] else "" for i in items)


def test_all_studies_returns_every_study_with_the_required_attributes(served: Served) -> None:
    items = _json(served.http.get("/studies"))
    assert _values(items, "0020000D") == sorted(served.studies)
    required = {f"{k.path[0]:08X}" for k in RETURN_KEYS["Study"] if k.type == "R"}
    for item in items:
        assert required <= set(item), required - set(item)
        assert item["00081190"]["Value"][0] == f"{served.url}/studies/{item['0020000D']['Value'][0]}"
    counts = {i["0020000D"]["Value"][0]: i["00201208"]["Value"][0] for i in items}
    assert counts == {served.studies[0]: 5, served.studies[1]: 1}


def test_keys_by_keyword_and_by_tag_match_alike(served: Served) -> None:
    by_keyword = _json(served.http.get("/studies", params={"PatientID": "P2"}))
    by_tag = _json(served.http.get("/studies", params={"00100020": "P2"}))
    assert by_keyword == by_tag
    assert _values(by_tag, "0020000D") == [served.studies[1]]


def test_wild_cards_and_case_of_person_names(served: Served) -> None:
    items = _json(served.http.get("/studies", params={"PatientName": "*doe*"}))
    assert _values(items, "0020000D") == [served.studies[0]]


def test_date_range(served: Served) -> None:
    items = _json(served.http.get("/studies", params={"StudyDate": "20240101-20241231"}))
    assert _values(items, "0020000D") == [served.studies[0]]


def test_nothing_matches_is_204(served: Served) -> None:
    r = served.http.get("/studies", params={"PatientID": "nobody"})
    assert r.status_code == 204 and r.content == b""


@pytest.mark.parametrize("params", [
    [("includefield", "StudyDescription,00081030"), ("includefield", "PatientAge")],
    [("includefield", "all")],
])
def test_includefield_comma_separated_repeated_and_all(served: Served, params) -> None:  # type: ignore[no-untyped-def]
    items = _json(served.http.get("/studies", params=params))
    for item in items:
        assert "00081030" in item
        assert "00101010" in item


def test_limit_and_offset_page_with_the_additional_results_warning(served: Served) -> None:
    r = served.http.get("/studies", params={"limit": "1"})
    first = _json(r)
    assert len(first) == 1
    warning = r.headers["warning"]
    assert warning.startswith("299 ") and "There are 1 additional results" in warning
    r2 = served.http.get("/studies", params={"limit": "1", "offset": "1"})
    second = _json(r2)
    assert "warning" not in r2.headers
    assert {first[0]["0020000D"]["Value"][0], second[0]["0020000D"]["Value"][0]} == set(served.studies)
    assert served.http.get("/studies", params={"offset": "2"}).status_code == 204


def test_series_of_a_study_and_all_series(served: Served) -> None:
    st = served.studies[0]
    items = _json(served.http.get(f"/studies/{st}/series"))
    assert _values(items, "0020000E") == sorted(served.series[st])
    everything = _json(served.http.get("/series", params={"Modality": "MR"}))
    assert _values(everything, "0020000E") == served.series[served.studies[1]]
    # relational: study attributes come with All Series (Table 10.6.3-2)
    assert "00100020" in everything[0]


def test_instances_at_every_nesting(served: Served) -> None:
    st = served.studies[0]
    se = served.series[st][0]
    nested = _json(served.http.get(f"/studies/{st}/series/{se}/instances"))
    assert len(nested) == 3
    assert all(i["00081190"]["Value"][0].startswith(f"{served.url}/studies/{st}/series/{se}/instances/")
               for i in nested)
    assert len(_json(served.http.get(f"/studies/{st}/instances"))) == 5
    assert len(_json(served.http.get("/instances"))) == 6
    only = _json(served.http.get(f"/studies/{st}/instances", params={"SeriesInstanceUID": se}))
    assert len(only) == 3


def test_fuzzymatching_is_supported(served: Served) -> None:
    r = served.http.get("/studies", params={"PatientName": "Smyth^Jon", "fuzzymatching": "true"})
    items = _json(r)
    assert _values(items, "0020000D") == [served.studies[1]]
    assert "fuzzymatching parameter is not supported" not in r.headers.get("warning", "")


@pytest.mark.parametrize("params, words", [
    ({"limit": "-1"}, "unsigned integer"),
    ({"fuzzymatching": "maybe"}, "'true' or 'false'"),
    ({"NoSuchKeyword": "1"}, "neither a keyword"),
    ({"includefield": "Nonsense"}, "neither a keyword"),
    ({"StudyDate": "2024-20230101"}, "cannot be read"),
])
def test_bad_parameters_are_400_with_a_clear_message(served: Served, params, words) -> None:  # type: ignore[no-untyped-def]
    r = served.http.get("/studies", params=params)
    assert r.status_code == 400
    assert words in r.text


def test_the_path_uid_and_a_contradicting_parameter_are_400(served: Served) -> None:
    st = served.studies[0]
    r = served.http.get(f"/studies/{st}/series", params={"StudyInstanceUID": served.studies[1]})
    assert r.status_code == 400 and "contradicts" in r.text


def test_ohif_study_list_request(served: Served) -> None:
    r = served.http.get("/studies?limit=101&offset=0&fuzzymatching=false"
                        "&includefield=00081030,00080060,00080090,00100030&00100020=*1*")
    items = _json(r)
    assert _values(items, "0020000D") == [served.studies[0]]
    assert "00081030" in items[0] and "00100030" in items[0]


def test_search_answers_are_cached_until_the_archive_changes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import time

    import httpx

    from dicomkit.archive import Archive
    from dicomkit.web.server import ServerConfig
    from tests.archive.make import instance, uid
    from tests.web.server.running import archive_of, running

    archive = archive_of(tmp_path, [instance(uid(), uid(), uid())])
    other = Archive(archive.root)  # another process's view of the same index
    try:
        with running(archive, ServerConfig(search_cache_seconds=1.0)) as url:
            assert len(httpx.get(url + "/studies").json()) == 1
            archive.insert_bytes(instance(uid(), uid(), uid()))  # through the server's archive
            assert len(httpx.get(url + "/studies").json()) == 2  # seen at once
            other.insert_bytes(instance(uid(), uid(), uid()))
            assert len(httpx.get(url + "/studies").json()) == 2  # within the cache's time
            time.sleep(1.1)
            assert len(httpx.get(url + "/studies").json()) == 3
    finally:
        other.close()
        archive.close()
