"""A small stand-in for an OHIF build folder, with the shapes of the real one (``index.html``
with ``window.PUBLIC_URL="/"`` and absolute asset paths, ``app-config.js``, content-hashed
bundles and WebAssembly), for the viewer mount's tests that need no npm install."""

from __future__ import annotations

from pathlib import Path

INDEX = ('<!doctype html><html><head><script>window.PUBLIC_URL="/"</script>'
         '<link rel="manifest" href="/manifest.json"></head><body><div id="root"></div>'
         '<script src="/app-config.js"></script><script defer="defer" '
         'src="/app.bundle.0f6159c501addfe9.js"></script></body></html>')


def make_build(folder: Path) -> Path:
    """Write the stand-in build into ``folder/dist``; returns that folder."""
    dist = folder / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX)
    (dist / "app-config.js").write_text("window.config = {name: 'config/default.js'};\n")
    (dist / "app.bundle.0f6159c501addfe9.js").write_text("console.log('app');\n")
    (dist / "0ddf166f7a343eda.wasm").write_bytes(b"\x00asm\x01\x00\x00\x00")
    (dist / "manifest.json").write_text("{}")
    (dist / "assets" / "favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    return dist
