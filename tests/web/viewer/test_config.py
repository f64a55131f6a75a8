"""app-config.js: the data source pointing at the DICOMweb root, valid JavaScript (run by Node)."""

from __future__ import annotations

import json
import shutil
import subprocess

from dicomkit.web.viewer import app_config, app_config_js
from tests.conftest import missing


def test_data_source_points_at_the_root_for_qido_wado_and_wado_uri() -> None:
    config = app_config("/dicom-web/", thumbnail_rendering="wadors", supports_fuzzy_matching=True)
    source = config["dataSources"][0]
    assert config["defaultDataSourceName"] == source["sourceName"]
    assert source["namespace"] == "@ohif/extension-default.dataSourcesModule.dicomweb"
    c = source["configuration"]
    assert (c["qidoRoot"], c["wadoRoot"], c["wadoUriRoot"]) == ("/dicom-web",) * 3
    assert c["imageRendering"] == "wadors" and c["thumbnailRendering"] == "wadors"
    assert c["supportsFuzzyMatching"] is True and c["supportsWildcard"] is True


def test_extra_keys_replace_defaults() -> None:
    config = app_config("https://pacs.test/dicom-web", extra={"showStudyList": False},
                        data_source_extra={"staticWado": True})
    assert config["showStudyList"] is False
    assert config["dataSources"][0]["configuration"]["staticWado"] is True


def test_app_config_js_runs_in_node_and_sets_window_config() -> None:
    node = shutil.which("node")
    if node is None:
        missing("Node.js (apt-get install nodejs)")
        return
    js = app_config_js("/dicom-web", router_basename="/viewer", friendly_name="a </script> b")
    assert "</script" not in js
    script = "const window = {};\n" + js + "\nprocess.stdout.write(JSON.stringify(window.config));"
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True, timeout=60)
    config = json.loads(out.stdout)
    assert config["routerBasename"] == "/viewer"
    assert config["dataSources"][0]["configuration"]["friendlyName"] == "a </script> b"
    assert config == app_config("/dicom-web", router_basename="/viewer", friendly_name="a </script> b")
