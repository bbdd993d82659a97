#!/usr/bin/env python3
"""Writes a larger catalogue for measurements: the example content with its actor folders copied
until there are N actors (`<slug>-2`, `<slug>-3`, …), so field sizes and translations stay real.
Deterministic: the same N gives the same files.

usage: scripts/replicate-catalog.py SOURCE_ROOT TARGET_ROOT N
"""
import shutil
import sys
from pathlib import Path

source, target, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
if target.exists():
    shutil.rmtree(target)
target.mkdir(parents=True)
for name in ["config.yaml", "content", "i18n", "theme"]:
    path = source / name
    if path.is_dir():
        shutil.copytree(path, target / name)
    elif path.exists():
        shutil.copy(path, target / name)
actors = sorted(p for p in (source / "actors").iterdir() if (p / "profile.yaml").exists())
made = 0
copy = 1
while made < count:
    for actor in actors:
        if made == count:
            break
        name = actor.name if copy == 1 else f"{actor.name}-{copy}"
        shutil.copytree(actor, target / "actors" / name)
        made += 1
    copy += 1
print(f"{made} actors in {target}")
