"""The OHIF viewer served by dicomkit: its prebuilt static files (npm ``@ohif/app``) at the same
origin as the DICOMweb server, with a generated ``app-config.js``.

- :class:`OhifViewer`: the ASGI app (mount it at ``/`` or a prefix).
- :func:`find_ohif_dist`: where the build is installed; :class:`ViewerNotFoundError` says the npm
  command when it is not.
- :func:`app_config`, :func:`app_config_js`: the viewer's configuration for a DICOMweb root.
"""

from dicomkit.web.viewer.app import OhifViewer
from dicomkit.web.viewer.config import ThumbnailRendering, app_config, app_config_js
from dicomkit.web.viewer.dist import DEFAULT_PREFIX, INSTALL_COMMAND, OHIF_VERSION, find_ohif_dist
from dicomkit.web.viewer.errors import ViewerError, ViewerNotFoundError

__all__ = ["DEFAULT_PREFIX", "INSTALL_COMMAND", "OHIF_VERSION", "OhifViewer", "ThumbnailRendering",
           "ViewerError", "ViewerNotFoundError", "app_config", "app_config_js", "find_ohif_dist"]
