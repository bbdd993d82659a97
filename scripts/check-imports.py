#!/usr/bin/env python3
"""Fails if the library's modules import each other in a cycle, or if a renderer imports another
renderer or a layer above it. Reads `crate::<module>` paths in code (not comments) under src/,
per top-level module; the binary (main.rs, cmd/) is left out. See docs/ARCHITECTURE.md."""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
RENDERERS = {"site", "brochure", "open_data"}
ABOVE_RENDERERS = {"build", "check", "cache"}

imports = {}
for folder, _, files in os.walk(ROOT):
    for name in files:
        if not name.endswith(".rs"):
            continue
        path = os.path.join(folder, name)
        module = os.path.relpath(path, ROOT).split(os.sep)[0].removesuffix(".rs")
        if module in ("main", "lib", "cmd"):
            continue
        code = open(path, encoding="utf-8").read().split("#[cfg(test)]")[0]
        code = "\n".join(l for l in code.splitlines() if not l.strip().startswith("//"))
        used = set(re.findall(r"crate::([a-z_0-9]+)", code)) - {module}
        imports.setdefault(module, set()).update(used)

problems = []
def visit(module, path):
    for used in sorted(imports.get(module, ())):
        if used in path:
            problems.append("cycle: " + " -> ".join(path[path.index(used):] + [used]))
        else:
            visit(used, path + [used])
for module in sorted(imports):
    visit(module, [module])
for module, used in sorted(imports.items()):
    for other in sorted(used):
        if module in RENDERERS and other in RENDERERS | ABOVE_RENDERERS:
            problems.append(f"renderer {module} imports {other}")
        if module not in RENDERERS | ABOVE_RENDERERS and other in RENDERERS | ABOVE_RENDERERS:
            problems.append(f"{module} (below the renderers) imports {other}")
for problem in sorted(set(problems)):
    print(problem)
print(f"{len(imports)} modules, {len(set(problems))} problems")
sys.exit(1 if problems else 0)
