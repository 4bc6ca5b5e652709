"""`course verify-copy DIR|ZIP`: is a school's copy complete and unchanged?

Reports missing, changed and extra files against the copy's CHECKSUMS.sha256; exit 1 when damaged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..integrity import verify_copy


def add_parser(sub) -> None:
    parser = sub.add_parser("verify-copy", help="check an offline copy against its checksums", description=__doc__)
    parser.add_argument("copy", type=Path, help="the extracted folder or the zip")
    parser.set_defaults(run=run)


def run(args) -> int:
    report = verify_copy(args.copy)
    if report.error:
        print(f"{args.copy}: error: {report.error}", file=sys.stderr)
        return 1
    for kind, names in (("missing", report.missing), ("changed", report.changed), ("extra", report.extra)):
        for name in names:
            print(f"{kind}: {name}", file=sys.stderr)
    if not report.ok:
        print(f"copy DAMAGED: {len(report.missing)} missing, {len(report.changed)} changed, "
              f"{len(report.extra)} extra of {report.checked} files", file=sys.stderr)
        return 1
    print(f"copy intact: {report.checked} files match their checksums")
    return 0
