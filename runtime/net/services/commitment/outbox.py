"""Storage commitment reports not delivered yet, kept on disk until they are (PS3.4 J.3.3).

An SCP that could not send a report (the request's association closed and the requestor's
AE was not reachable, PS3.4 J.3.3: the SCP "shall be capable of issuing the N-EVENT-REPORT on a
different association") keeps it in an :class:`Outbox`: one JSON file per report in a folder,
written whole (a temporary file, flushed to disk, then renamed), so that a restart of the SCP
loses none; :meth:`CommitmentSCP.resend <dicomkit.net.services.commitment.scp.CommitmentSCP.
resend>` sends them when the requestor is reachable again.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from dicomkit.net.services.commitment.datasets import CommitmentResult
from dicomkit.net.services.commitment.errors import CommitmentError

__all__ = ["Outbox"]

log = logging.getLogger(__name__)

_SUFFIX = ".json"


def _name(transaction_uid: str) -> str:
    """A file name for a transaction (a UID: digits and dots; anything else replaced)."""
    safe = "".join(c if c.isalnum() or c == "." else "_" for c in transaction_uid)
    return (safe or "_")[:200] + _SUFFIX


class Outbox:
    """Undelivered reports in ``folder`` (made when missing).

    Raises
    ------
    CommitmentError
        When the folder cannot be made.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommitmentError(f"cannot make the commitment outbox {self.folder}: {exc}; "
                                  "give a writable folder") from None

    def put(self, called_ae: str, result: CommitmentResult) -> Path:
        """Keep the report of ``result`` for ``called_ae`` (replacing one of the same
        transaction); its file.

        Raises
        ------
        CommitmentError
            When it cannot be written (nothing half written is left).
        """
        record: dict[str, Any] = {
            "called_ae": called_ae, "transaction_uid": result.transaction_uid,
            "committed": [list(r) for r in result.committed],
            "failed": [list(f) for f in result.failed], "event_type": result.event_type,
            "retrieve_ae_title": result.retrieve_ae_title}
        path = self.folder / _name(result.transaction_uid)
        part = path.with_suffix(".part")
        try:
            with open(part, "w", encoding="utf-8") as fh:
                json.dump(record, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(part, path)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise CommitmentError(f"cannot keep the report in {path}: {exc}",
                                  transaction_uid=result.transaction_uid) from None
        return path

    def pending(self) -> list[tuple[Path, str, CommitmentResult]]:
        """(file, requestor AE title, result) of every report kept, oldest first; a file that
        cannot be read as one is logged and renamed ``*.bad`` (kept for a person to look at)."""
        out: list[tuple[Path, str, CommitmentResult]] = []
        files = sorted(self.folder.glob("*" + _SUFFIX), key=lambda p: (p.stat().st_mtime, p))
        for path in files:
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                result = CommitmentResult(
                    str(record["transaction_uid"]),
                    tuple((str(c), str(i)) for c, i in record["committed"]),
                    tuple((str(c), str(i), int(r)) for c, i, r in record["failed"]),
                    int(record["event_type"]), str(record.get("retrieve_ae_title", "")))
                out.append((path, str(record["called_ae"]), result))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("storage commitment outbox: %s is no report (%s); renamed *.bad",
                            path, exc)
                try:
                    os.replace(path, path.with_suffix(".bad"))
                except OSError:
                    pass
        return out

    def done(self, path: Path) -> None:
        """Forget a report sent."""
        path.unlink(missing_ok=True)
