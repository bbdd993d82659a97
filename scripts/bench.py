#!/usr/bin/env python3
"""The benchmark of issue 6: steckbrief against Hugo, in one run (see BENCHMARKS.md).

    python3 scripts/bench.py                      # sizes 100,1000,10000 × 6 languages, 5 runs
    python3 scripts/bench.py --quick              # sizes 100,1000, 3 runs: a smoke run
    python3 scripts/bench.py --out BENCH_RESULT.md

Steps: builds the release binary; generates catalogues on tmpfs (/dev/shm/steckbrief-bench) with
`steckbrief generate`; builds each once (untimed) for data/catalog.json and converts that into an
equivalent Hugo site (bench/hugo/ + content written here; bench/hugo-fast/ overlaid on its
layouts as layouts-fast, "Hugo at its best"); then per size runs, interleaved, ours site-only,
Hugo --minify (same work), Hugo --minify --layoutDir layouts-fast (at its best), ours with
brochures (--no-cache), R times each, every run a child process whose wall time is measured here
and whose peak RSS comes from GNU time started in between (ru_maxrss, the figure
/usr/bin/time -v prints). Then: the example content without brochures, with brochures laid out
(--no-cache) and with brochures from the brochure cache, the brochure of
500 actors in one language, and save-to-reload latency of `steckbrief serve` at 1,000 actors.
Prints a Markdown report (and writes it to --out). Python standard library only.

Other modes (for debugging the comparison):
    python3 scripts/bench.py --convert-only ROOT SITE   # ROOT → Hugo site in SITE (needs a build)
    python3 scripts/bench.py --compare ROOT             # equivalence: ours vs both Hugo variants
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import http.client
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HUGO_SKELETON = REPO / "bench" / "hugo"
# "Hugo at its best": the same site with the layouts of bench/hugo overlaid by bench/hugo-fast,
# written to <site>/layouts-fast and selected with --layoutDir (same content, same output).
HUGO_FAST_OVERLAY = REPO / "bench" / "hugo-fast" / "layouts"
FAST_LAYOUTS = "layouts-fast"
BINARY = REPO / "target" / "release" / "steckbrief"
WORK = Path("/dev/shm/steckbrief-bench")


# ---------------------------------------------------------------------------------------------
# A small YAML reader for config.yaml and i18n/<lang>.yaml (no PyYAML on every machine). It reads
# block mappings and sequences, flow mappings and sequences on one line, plain, single- and
# double-quoted scalars and literal/folded block scalars: what steckbrief's own files use.
# ---------------------------------------------------------------------------------------------

def _strip_comment(line):
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == "\\" and quote == '"':
                continue
            if c == quote:
                quote = None
        elif c in "\"'" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def _scalar(text):
    text = text.strip()
    if not text:
        return None
    if text[0] == '"':
        try:
            return json.loads(text)
        except ValueError:
            return text[1:-1]
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    if text[0] in "{[":
        value, rest = _flow(text, 0)
        return value
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if text in ("null", "~", "Null", "NULL"):
        return None
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    if re.fullmatch(r"[-+]?\d*\.\d+([eE][-+]?\d+)?", text):
        return float(text)
    return text


def _flow(text, i):
    """Parses a flow collection or scalar starting at text[i]; returns (value, next index)."""
    while text[i] == " ":
        i += 1
    if text[i] in "{[":
        close = "}" if text[i] == "{" else "]"
        mapping = text[i] == "{"
        result = {} if mapping else []
        i += 1
        while True:
            while text[i] in " ,":
                i += 1
            if text[i] == close:
                return result, i + 1
            if mapping:
                key, i = _flow_token(text, i, ":")
                i += 1  # the colon
                value, i = _flow(text, i)
                result[_scalar(key) if key.strip()[:1] in "\"'" else key.strip()] = value
            else:
                value, i = _flow(text, i)
                result.append(value)
    token, i = _flow_token(text, i, ",}]")
    return _scalar(token), i


def _flow_token(text, i, stops):
    start = i
    quote = None
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'" and i == start:
            quote = c
        elif c in stops and (c != ":" or i + 1 >= len(text) or text[i + 1] in " ,}]"):
            break
        elif c in "{[":
            value, i = _flow(text, i)
            continue
        i += 1
    return text[start:i], i


def _split_key(content):
    """`key: value` → (key, value text) or None when the line is not a mapping entry."""
    quote = None
    for i, c in enumerate(content):
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'" and i == 0:
            quote = c
        elif c in "{[" and i == 0:
            return None
        elif c == ":" and (i + 1 == len(content) or content[i + 1] == " "):
            key = content[:i].strip()
            if key[:1] in "\"'":
                key = _scalar(key)
            return key, content[i + 1:].strip()
    return None


def parse_yaml(text):
    raw = text.replace("\t", "    ").splitlines()
    lines = []  # (indent, content, raw index)
    for index, line in enumerate(raw):
        content = _strip_comment(line).rstrip()
        if not content.strip() or content.strip() in ("---", "..."):
            continue
        lines.append((len(content) - len(content.lstrip(" ")), content.strip(), index))
    if not lines:
        return None

    def block_scalar(style, position, parent_indent):
        # The raw lines (a `#` inside is text) indented deeper than the key.
        start = lines[position - 1][2] + 1
        body = []
        j = start
        while j < len(raw) and (not raw[j].strip() or len(raw[j]) - len(raw[j].lstrip(" ")) > parent_indent):
            body.append(raw[j])
            j += 1
        while position < len(lines) and lines[position][2] < j:
            position += 1
        indent = min((len(l) - len(l.lstrip(" ")) for l in body if l.strip()), default=0)
        body = [l[indent:] for l in body]
        while body and not body[-1].strip():
            body.pop()
        joined = "\n".join(body) if style[0] == "|" else " ".join(l.strip() for l in body)
        if not style.endswith("-"):
            joined += "\n"
        return joined, position

    def block(position, indent):
        if lines[position][1].startswith("- ") or lines[position][1] == "-":
            result = []
            while position < len(lines) and lines[position][0] == indent and (
                    lines[position][1].startswith("- ") or lines[position][1] == "-"):
                item = lines[position][1][1:].strip()
                if not item:
                    value, position = block(position + 1, lines[position + 1][0])
                elif _split_key(item) is not None:
                    # A mapping that starts on the dash line: re-read the item at its own indent.
                    offset = indent + len(lines[position][1]) - len(item)
                    lines[position] = (offset, item, lines[position][2])
                    value, position = block(position, offset)
                else:
                    value, position = _scalar(item), position + 1
                result.append(value)
            return result, position
        result = {}
        while position < len(lines) and lines[position][0] == indent:
            entry = _split_key(lines[position][1])
            if entry is None:
                raise ValueError(f"unsupported YAML line: {lines[position][1]!r}")
            key, rest = entry
            position += 1
            if rest in ("|", ">", "|-", ">-", "|+", ">+"):
                value, position = block_scalar(rest, position, indent)
            elif rest:
                value = _scalar(rest)
            elif position < len(lines) and (lines[position][0] > indent or (
                    lines[position][0] == indent and lines[position][1].startswith("-"))):
                value, position = block(position, lines[position][0])
            else:
                value = None
            result[key] = value
        return result, position

    value, _ = block(0, lines[0][0])
    return value


# ---------------------------------------------------------------------------------------------
# The converter: one of our content roots (plus data/catalog.json of its build) → a Hugo site.
# ---------------------------------------------------------------------------------------------

def _text(actor, language, source, pick, base=None):
    """Like Actor::text: the translation if present, else (for a variant such as Leichte
    Sprache) its base language's, else the German text marked as fallback; text in the base
    counts as the reader's own. Returns {"t": text, "l": fallback language or ""} or None."""
    for code in [language, base]:
        if code and code != source:
            translation = actor.get("translations", {}).get(code)
            if translation:
                value = pick(translation)
                if value is not None:
                    return {"t": value, "l": "", "b": code == base}
    value = pick(actor.get("source_text") or {})
    if value is None:
        return None
    # "b": the text is the base language's (ours notes that on the page); not shown by itself.
    return {"t": value, "l": source if source not in (language, base) else "", "b": source == base}


def _get(*path):
    def pick(data):
        for key in path:
            if isinstance(key, int):
                if not isinstance(data, list) or key >= len(data):
                    return None
                data = data[key]
            else:
                if not isinstance(data, dict):
                    return None
                data = data.get(key)
            if data is None:
                return None
        return data
    return pick


_BLOCK_START = re.compile(r"\s*([-*+] |\d+[.)] |#|>|```|\|)")


def _hard_line_breaks(markdown):
    """Like markdown::hard_line_breaks for Leichte Sprache: a line followed by another line of the
    same paragraph ends in a backslash (a hard break). A line-based approximation of ours (which
    asks the Markdown parser): a break before a line that starts a block is no soft break."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1]
        if line.strip() and following.strip() and not line.lstrip().startswith("#") \
                and not _BLOCK_START.match(following) and not line.rstrip().endswith("\\"):
            lines[i] = line.rstrip() + "\\"
    return "\n".join(lines)


def _phone(text):
    """Our Phone for a number of content/numbers.yaml: shown as written, E.164 for tel: (German
    numbers with the trunk zero; short numbers such as 110 as they are)."""
    display = " ".join(text.split())
    digits = re.sub(r"\D", "", display.replace("(0)", ""))
    if display.startswith("+"):
        international = "+" + digits
    elif digits.startswith("00"):
        international = "+" + digits[2:]
    elif digits.startswith("0"):
        international = "+49" + digits[1:]
    else:
        international = digits
    return {"display": display, "international": international}


def _toml(value):
    return json.dumps(value, ensure_ascii=False)  # a JSON string or array is valid TOML


def _front_matter(path, data, body=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n\n" + body + ("\n" if body else ""),
                    encoding="utf-8")


# The UI strings whose placeholders the templates fill; others (search_results: "{count}") are
# filled by the search script in the browser and stay as they are.
_I18N_DATA = {"intro_text", "actor_count", "last_reviewed", "date_format", "time_range"}


def _i18n_template(key, text):
    """Our `{name}` placeholders → Go templates `{{ .name }}` for Hugo's i18n."""
    if key not in _I18N_DATA:
        return str(text)
    return re.sub(r"\{(\w+)\}", r"{{ .\1 }}", str(text))


def convert(root, catalog_path, site):
    """Writes the Hugo site for content root `root` into `site`; returns the number of actors."""
    root, site = Path(root), Path(site)
    config = parse_yaml((root / "config.yaml").read_text(encoding="utf-8"))
    catalog = json.loads(Path(catalog_path).read_text(encoding="utf-8"))
    source = config["source_language"]
    languages = config["languages"]
    codes = [l["code"] for l in languages]
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(HUGO_SKELETON / "layouts", site / "layouts")
    shutil.copytree(HUGO_SKELETON / "layouts", site / FAST_LAYOUTS)
    shutil.copytree(HUGO_FAST_OVERLAY, site / FAST_LAYOUTS, dirs_exist_ok=True)

    # Theme assets: the content root's theme/ overrides the built-in one, as for ours.
    (site / "assets" / "assets").mkdir(parents=True)  # published under /assets/ like ours
    for name in ["style.css", "search.js", "logo.svg"]:
        local = root / "theme" / name
        shutil.copy(local if local.exists() else REPO / "theme" / name, site / "assets" / "assets" / name)

    # UI strings: built-in i18n/<lang>.yaml, overridden key by key by the root's, German for
    # missing keys (Hugo falls back to the default language's strings the same way).
    (site / "i18n").mkdir()
    bases = {l["code"]: l.get("base") for l in languages}
    i18n_strings = {}
    for code in codes:
        strings = i18n_strings[code] = {}
        # A variant (Leichte Sprache: base de) takes the strings it lacks from its base, as ours.
        for lang in [bases[code], code] if bases[code] else [code]:
            for base in [REPO / "i18n", root / "i18n"]:
                path = base / f"{lang}.yaml"
                if path.exists():
                    strings.update(parse_yaml(path.read_text(encoding="utf-8")) or {})
        # go-i18n matches a private-use tag such as de-x-ls to `de` and the variant's strings
        # would replace German; Hugo strips its "art-x-" prefix for tags it has to invent, so
        # art-x-de-x-ls.toml is looked up as de-x-ls and nothing else.
        name = f"art-x-{code}" if "-x-" in code else code
        # The [key] other = "…" form: go-i18n would take a flat file with a key `description`
        # (one of our keys) for a single message.
        (site / "i18n" / f"{name}.toml").write_text(
            "".join(f"[{_toml(k)}]\nother = {_toml(_i18n_template(k, v))}\n" for k, v in strings.items()),
            encoding="utf-8")

    pages = {}
    pages_dir = root / "content" / "pages"
    if pages_dir.is_dir():
        for page_dir in sorted(p for p in pages_dir.iterdir() if p.is_dir()):
            versions = {}
            for md in page_dir.glob("*.md"):
                text = md.read_text(encoding="utf-8").lstrip("\ufeff")
                first, _, body = text.partition("\n")
                versions[md.stem] = (first.removeprefix("# ").strip(), body.strip())
            if source in versions:
                pages[page_dir.name] = versions
    footer_pages = [p for p in pages if p != "foreword"]

    numbers_path = root / "content" / "numbers.yaml"
    numbers = (parse_yaml(numbers_path.read_text(encoding="utf-8")) or {}).get("numbers") or [] \
        if numbers_path.exists() else []
    spoken = dict(config.get("spoken_languages") or {})
    names = {**spoken, **{l["code"]: l["name"] for l in languages}}
    topics = [c["id"] for c in config.get("topics", [])]
    groups = [c["id"] for c in config.get("target_groups", [])]
    base_url = config["base_url"].rstrip("/")

    out = [
        "# Written by scripts/bench.py from the content root's config.yaml, then bench/hugo/hugo.toml.",
        f"baseURL = {_toml(base_url + '/')}",
        f"defaultContentLanguage = {_toml(source)}",
        f"title = {_toml(config['title'].get(source, ''))}",
        "",
        (HUGO_SKELETON / "hugo.toml").read_text(encoding="utf-8"),
        "",
        "[params]",
        f"  town = {_toml(config['town'])}",
        f"  base_url = {_toml(base_url)}",
        f"  source_language = {_toml(source)}",
        f"  topics = {_toml(topics)}",
        f"  target_groups = {_toml(groups)}",
        f"  pages = {_toml(['/' + p for p in footer_pages])}",
        # The language chooser at / (ours: language_chooser): the titles of the first two languages.
        f"  chooser_title = {_toml(' · '.join([config['title'][l['code']] for l in languages if config['title'].get(l['code'])][:2]))}",
        f"  theme_color = {_toml((config.get('branding') or {}).get('primary_color') or '#00567a')}",
        # Ours links /<lang>/numbers/ when content/numbers.yaml lists numbers.
        f"  numbers = {'true' if numbers else 'false'}",  # the page /<lang>/numbers/ exists
        f"  feedback_email = {_toml(config.get('feedback_email') or '')}",
        "  [params.language_names]",
    ]
    out += [f"    {_toml(code)} = {_toml(name)}" for code, name in names.items()]
    out.append("[languages]")
    for weight, language in enumerate(languages, 1):
        code = language["code"]
        out += [
            f"  [languages.{code}]",
            f"    languageName = {_toml(language['name'])}",
            f"    languageDirection = {_toml('rtl' if language.get('rtl') else 'ltr')}",
            f"    weight = {weight}",
            f"    contentDir = {_toml('content/' + code)}",
            f"    title = {_toml(config['title'].get(code) or config['title'].get(source, ''))}",
            f"    [languages.{code}.params]",
            f"      choose_language = {_toml(i18n_strings[code].get('choose_language', ''))}",
            f"      easy_read = {'true' if language.get('easy_read') else 'false'}",
            f"      subtitle = {_toml((config.get('subtitle') or {}).get(code) or (config.get('subtitle') or {}).get(source, ''))}",
        ]
    (site / "hugo.toml").write_text("\n".join(out) + "\n", encoding="utf-8")

    easy_read = {l["code"] for l in languages if l.get("easy_read")}
    # Important numbers per language (ours: Viewer::numbers), for the home and numbers pages.
    (site / "data" / "numbers").mkdir(parents=True)
    for code in codes:
        resolved = []
        for number in numbers:
            own = next((c for c in [code, bases[code]] if c and c in number["label"]), None)
            resolved.append({"label": number["label"][own or source], "l": "" if own else source,
                             "phone": _phone(str(number["phone"]))})
        (site / "data" / "numbers" / f"{code}.json").write_text(json.dumps(resolved, ensure_ascii=False),
                                                              encoding="utf-8")
    label = lambda category, code: category["label"].get(code) or category["label"].get(source, category["id"])
    actors = catalog["actors"]
    for code in codes:
        content = site / "content" / code
        # Home page: the foreword is its Markdown body, as ours shows it on the home page.
        home = {}
        body = ""
        if "foreword" in pages:
            versions = pages["foreword"]
            own = next((c for c in [code, bases[code]] if c in versions), None)
            title, body = versions[own or source]
            home = {"foreword_title": title, "fallback_lang": "" if own else source}
            if (own or source) in easy_read:
                body = _hard_line_breaks(body)
        _front_matter(content / "_index.md", home, body)
        # The A–Z index is the section page of all actors.
        _front_matter(content / "actors" / "_index.md", {"title": "A–Z", "url": f"/{code}/a-z/"})
        for kind, categories, ids in [("topic", config.get("topics", []), "topics"),
                                      ("group", config.get("target_groups", []), "target_groups")]:
            for category in categories:
                if any(category["id"] in a.get(ids, []) for a in actors):  # ours skips empty ones
                    _front_matter(content / kind / category["id"] / "_index.md", {"title": label(category, code)})
        for page_id in footer_pages:
            versions = pages[page_id]
            own = next((c for c in [code, bases[code]] if c in versions), None)
            title, body = versions[own or source]
            if (own or source) in easy_read:
                body = _hard_line_breaks(body)
            _front_matter(content / f"{page_id}.md",
                          {"title": title, "fallback_lang": "" if own else source}, body)
        if numbers:
            _front_matter(content / "numbers.md", {"title": "numbers", "layout": "numbers"})
        for actor in actors:
            t = lambda pick: _text(actor, code, source, pick, bases[code])
            offers = t(_get("offers"))
            description = t(_get("description"))

            def hours(key):
                block = actor.get(key)
                if not block:
                    return None
                return {"weekly": block.get("weekly") or [], "appointment": block.get("appointment"),
                        "note": t(_get(key, "note"))}

            front = {
                "title": actor["name"],
                "outputs": ["HTML", "vcard"],
                "short_name": actor.get("short_name"),
                "actor_kind": actor.get("kind"),
                "operator": actor.get("operator"),
                "lead": t(_get("summary")),  # `summary` is Hugo's own front matter field
                "offers": offers and {"items": offers["t"], "l": offers["l"]},
                "costs": t(_get("costs")),
                "contacts": [
                    {"name": person["name"], "role": t(_get("contacts", i, "role")), "phone": person.get("phone"),
                     "email": person.get("email"), "languages": person.get("languages") or []}
                    for i, person in enumerate(actor.get("contacts") or [])
                ],
                "address": actor["address"],
                "phone": actor.get("phone"),
                "email": actor.get("email"),
                "website": actor.get("website"),
                "whatsapp": actor.get("whatsapp"),
                "languages": actor.get("languages") or [],
                "opening_hours": hours("opening_hours"),
                "consultation_hours": hours("consultation_hours"),
                "wheelchair": actor.get("wheelchair"),
                "accessibility_note": t(_get("accessibility", "note")),
                "transport": t(_get("transport")),
                "last_reviewed": actor["last_reviewed"],
                "topic": actor.get("topics") or [],
                "group": actor.get("target_groups") or [],
                "description_lang": description["l"] if description else "",
                # For the search index, as ours: German offers and summary as extra keywords.
                "source_offers": (actor.get("source_text") or {}).get("offers") or [],
                "source_summary": (actor.get("source_text") or {}).get("summary") or "",
            }
            # Ours' LocalActor::uses_base: some text of this language comes from its base.
            texts = [offers, description, front["lead"], front["costs"], front["accessibility_note"],
                     front["transport"], *(c["role"] for c in front["contacts"]),
                     *((front[k] or {}).get("note") for k in ("opening_hours", "consultation_hours"))]
            front["uses_base"] = any(text and text["b"] for text in texts)
            front = {k: v for k, v in front.items() if v is not None}
            body = description["t"].strip() if description else ""
            if description and code in easy_read and not description["l"] and not description["b"]:
                body = _hard_line_breaks(body)  # written in Leichte Sprache itself
            _front_matter(content / "actors" / f"{actor['slug']}.md", front, body)
    return len(actors)


# ---------------------------------------------------------------------------------------------
# Running and measuring.
# ---------------------------------------------------------------------------------------------

def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Run:
    def __init__(self, wall, cpu, rss_kb, code, timed_out, out_of_memory, pages, stderr):
        self.wall, self.cpu, self.rss_kb, self.code, self.timed_out, self.out_of_memory = (
            wall, cpu, rss_kb, code, timed_out, out_of_memory)
        self.pages, self.stderr = pages, stderr

    @property
    def ok(self):
        return self.code == 0 and not self.timed_out and not self.out_of_memory

    @property
    def refused(self):
        """The brochure was refused before layout: more actors than brochure.max_actors."""
        return self.code == 2 and "brochure.max_actors" in (self.stderr or "")


# Runs are killed above this resident size (--max-rss-mb), so that one heavy build cannot take the
# shared machine down; set in main().
MAX_RSS_KB = None


def measure(argv, timeout, count_in=None):
    """Runs argv as a child process: wall time (s), CPU time (user + system, s) and peak RSS (KB,
    ru_maxrss as GNU time reports it). Killed after `timeout` s or above MAX_RSS_KB.

    The peak RSS comes from /usr/bin/time, which starts the tool: Linux carries a process's
    high-water mark across exec, so a tool started straight from this script would report at least
    this script's own size (hundreds of MB after converting a large catalogue)."""
    errors = WORK / "stderr.txt"
    peak = WORK / "maxrss.txt"
    with open(errors, "wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", str(peak), *argv],
                                   stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        timed_out, out_of_memory, done = threading.Event(), threading.Event(), threading.Event()

        def kill():
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        def watch():
            children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
            while not done.wait(0.2):
                if time.perf_counter() - started > timeout:
                    timed_out.set()
                    kill()
                    return
                if MAX_RSS_KB:
                    try:
                        tool = children.read_text().split()[0]
                        status = Path(f"/proc/{tool}/status").read_text()
                        rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
                    except (OSError, AttributeError, ValueError, IndexError):
                        continue
                    if rss > MAX_RSS_KB:
                        out_of_memory.set()
                        kill()
                        return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _, status, rusage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        watcher.join()
    code = os.waitstatus_to_exitcode(status)
    pages = count_html(count_in) if count_in and code == 0 else 0
    try:
        maxrss = int(peak.read_text().split()[-1])
    except (OSError, ValueError, IndexError):
        maxrss = rusage.ru_maxrss
    return Run(wall, rusage.ru_utime + rusage.ru_stime, maxrss, code, timed_out.is_set(),
               out_of_memory.is_set(), pages, errors.read_text(errors="replace")[-2000:])


def count_html(directory):
    return sum(1 for _, _, files in os.walk(directory) for f in files if f.endswith(".html"))


def clean(path):
    if path.exists():
        shutil.rmtree(path)


def sh(argv, **kwargs):
    return subprocess.run(argv, check=True, text=True, capture_output=True, **kwargs).stdout.strip()


def has_generate():
    result = subprocess.run([str(BINARY), "generate", "--help"], capture_output=True, text=True)
    return result.returncode == 0


def generate(actors, languages, target, seed, warnings):
    clean(target)
    if has_generate():
        # From the repository: the example content is the template of the generated catalogues.
        sh([str(BINARY), "generate", "--actors", str(actors), "--languages", str(languages),
            "--out", str(target), "--seed", str(seed)], cwd=REPO)
    else:
        message = (f"`steckbrief generate` does not exist (yet): FALLING BACK to "
                   f"scripts/replicate-catalog.py for {actors} actors (the example content copied; "
                   f"always its 6 languages, --languages {languages} ignored)")
        if message not in warnings:
            warnings.append(message)
        log("WARNING: " + message)
        sh([sys.executable, str(REPO / "scripts" / "replicate-catalog.py"), str(REPO), str(target), str(actors)])


def hugo_argv(site, out, cache, fast=False):
    # --cacheDir on a fresh tmpfs folder and --ignoreCache: no file cache survives between runs
    # (ours keeps none either); resources/ (resourceDir) is removed before each run. `fast`:
    # "Hugo at its best", the layouts of bench/hugo-fast over bench/hugo (same content).
    return ["hugo", "--minify", "--quiet", "-s", str(site), "-d", str(out),
            "--cacheDir", str(cache), "--ignoreCache", "--noBuildLock",
            *(["--layoutDir", FAST_LAYOUTS] if fast else [])]


def hugo_run(site, out, timeout, fast=False):
    cache = WORK / "hugo-cache"
    for path in (out, cache, site / "resources"):
        clean(path)
    cache.mkdir(parents=True)
    run = measure(hugo_argv(site, out, cache, fast), timeout, count_in=out)
    clean(out)
    clean(cache)
    return run


def ours_run(root, out, timeout, brochures, cache=False):
    """A build; with brochures, laid out anew each time unless `cache` (the brochure cache of the
    content root, as a rebuild after a site-only change meets it)."""
    clean(out)
    argv = [str(BINARY), "build", "--root", str(root), "--out", str(out), "--quiet"]
    if not brochures:
        argv.append("--no-brochures")
    elif not cache:
        argv.append("--no-cache")
    run = measure(argv, timeout, count_in=out)
    clean(out)
    for leftover in out.parent.glob(out.name + ".*"):  # a staging folder left by a killed build
        clean(leftover)
    return run


# ---------------------------------------------------------------------------------------------
# Equivalence check (--compare ROOT): the pages of ours and of both Hugo variants.
# ---------------------------------------------------------------------------------------------

_URL_ATTRIBUTES = {"href", "src", "action", "data-index", "data-root"}
# Fingerprinted asset and search-index names: ours' and Hugo's hashes differ in length and value.
_HASHED = re.compile(r"\.[0-9a-f]{8,64}\.(css|js|svg|json)\b")


# Attributes with their default value, which ours' minifier drops and Hugo's keeps.
_DEFAULTS = {("form", "method", "get"), ("button", "type", "submit")}


class _Tokens(HTMLParser):
    """An HTML page as a list of tokens in which what the two minifiers write differently is made
    equal: attribute order, attributes with their default value, whitespace in text (runs
    collapsed, trimmed), URLs (relative ones and those on the site's own host resolved to paths),
    asset hashes, comments."""

    def __init__(self, page_path, base_url):
        super().__init__(convert_charrefs=True)
        self.page_path, self.base_url, self.tokens = page_path, base_url, []

    def _url(self, value):
        if value.startswith(self.base_url + "/"):
            value = value[len(self.base_url):]
        elif not re.match(r"[a-z]+:", value):
            value = urllib.parse.urljoin(self.page_path, value)
        return _HASHED.sub(r".\1", value)

    def handle_starttag(self, tag, attrs):
        attrs = sorted((k, self._url(v) if k in _URL_ATTRIBUTES and v else (v or "")) for k, v in attrs
                       if (tag, k, (v or "").lower()) not in _DEFAULTS)
        self.tokens.append(("<", tag, tuple(attrs)))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.tokens.append((">", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.tokens.append(("t", text))


def _normalised(path, page_path, base_url):
    parser = _Tokens(page_path, base_url)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.tokens


def compare(root, work):
    """Builds content root `root` with ours and converts it for Hugo, builds that with both Hugo
    variants, then prints: Hugo at its best vs same work (every file, byte for byte) and ours vs
    Hugo at its best (HTML normalised by _Tokens, vCards byte for byte, search-index entries)."""
    clean(work)
    work.mkdir(parents=True)
    ours = work / "ours"
    subprocess.run([str(BINARY), "build", "--root", str(root), "--out", str(ours), "--quiet", "--no-brochures"],
                   check=True)
    site = work / "site"
    convert(root, ours / "data" / "catalog.json", site)
    hugo = {}
    for name, fast in [("same work", False), ("at its best", True)]:
        out, cache = work / f"hugo-{'fast' if fast else 'same'}", work / f"cache-{'fast' if fast else 'same'}"
        cache.mkdir()
        subprocess.run(hugo_argv(site, out, cache, fast), check=True)
        hugo[name] = out

    def files(directory, suffix=""):
        return {p.relative_to(directory) for p in directory.rglob("*") if p.is_file() and p.name.endswith(suffix)}

    same, best = hugo["same work"], hugo["at its best"]
    a, b = files(same), files(best)
    equal = sum((same / f).read_bytes() == (best / f).read_bytes() for f in a & b)
    print(f"Hugo at its best vs same work: {equal} of {len(a)} files byte-identical"
          f" ({len(a - b)} only in same work, {len(b - a)} only in at its best)")
    for f in sorted(a ^ b)[:10]:
        print(f"  only in one: {f}")
    for f in sorted(f for f in a & b if (same / f).read_bytes() != (best / f).read_bytes())[:10]:
        print(f"  differs: {f}")

    base_url = parse_yaml((root / "config.yaml").read_text(encoding="utf-8"))["base_url"].rstrip("/")
    ours_pages, hugo_pages = files(ours, ".html"), files(best, ".html")
    identical, different = [], []
    for f in sorted(ours_pages & hugo_pages):
        page_path = "/" if str(f.parent) == "." else f"/{f.parent.as_posix()}/"
        x, y = _normalised(ours / f, page_path, base_url), _normalised(best / f, page_path, base_url)
        if x == y:
            identical.append(f)
        else:
            first = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            different.append((f, x[first:first + 2], y[first:first + 2]))
    print(f"ours vs Hugo at its best: {len(identical)} of {len(ours_pages)} HTML pages of ours identical after "
          f"normalising; {len(different)} differ; {len(ours_pages - hugo_pages)} have no Hugo page at that path "
          f"({', '.join(str(f) for f in sorted(ours_pages - hugo_pages)[:5])})")
    kinds = {}  # differing pages grouped by kind: any language, any actor
    for f, x, y in different:
        kind = re.sub(r"/[^/]+-\d+/", "/<actor>/", "/" + re.sub(r"^[^/]+/", "*/", f.as_posix()))
        kinds.setdefault(kind, []).append((f, x, y))
    for kind, items in sorted(kinds.items()):
        f, x, y = items[0]
        print(f"  {len(items)} × {kind}, e.g. {f}: ours {x} vs Hugo {y}")

    vcards = files(ours, ".vcf")
    equal = sum((best / f).exists() and (ours / f).read_bytes() == (best / f).read_bytes() for f in vcards)
    print(f"vCards: {equal} of {len(vcards)} byte-identical")
    for language in sorted(p.name for p in ours.iterdir() if p.is_dir() and (best / p.name / "search.json").exists()):
        ours_index = next((ours / language).glob("search.*.json"), None)
        if ours_index is None:
            continue
        def entries(path, prefix):
            return sorted(json.dumps({**e, "u": urllib.parse.urljoin(prefix, e["u"])}, sort_keys=True)
                          for e in json.loads(path.read_text(encoding="utf-8")))
        # Entry URLs are relative to the site root (search.js prefixes its data-root).
        x = entries(ours_index, "/")
        y = entries(best / language / "search.json", "/")
        print(f"search index {language}: {len(x)} entries in ours, {len(y)} in Hugo, "
              f"{'the same' if x == y else f'{len(set(x) ^ set(y))} entries differ'}")

# ---------------------------------------------------------------------------------------------
# Serve latency (adapted from scripts/serve-latency.py: the reload event, then the page fetched).
# ---------------------------------------------------------------------------------------------

def serve_latency(root, edits, timeout=60):
    server = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--root", str(root)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              start_new_session=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"127\.0\.0\.1:(\d+)", line)
        if not match:
            return {"error": f"serve printed {line!r}"}
        port = int(match.group(1))
        events = []
        ready = threading.Event()

        def listen():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
            connection.request("GET", "/__steckbrief/events")
            response = connection.getresponse()
            ready.set()
            for raw in response:
                if raw.startswith(b"event: reload"):
                    events.append(time.perf_counter())

        threading.Thread(target=listen, daemon=True).start()
        if not ready.wait(30):
            return {"error": "no event stream"}
        profiles = sorted((root / "actors").rglob("profile.yaml"))
        profile = profiles[len(profiles) // 2]
        slug = profile.parent.name
        original = profile.read_text(encoding="utf-8")
        match = re.search(r"^(\s*summary:\s*)(\S)", original, re.M)
        if not match or match.group(2) in "|>":
            return {"error": f"no one-line summary in {profile}"}
        time.sleep(1.0)  # let the initial build settle
        reload_ms, page_ms, missing = [], [], 0
        for i in range(edits):
            marker = f"bench-edit-{i}-{os.getpid()}"
            before = len(events)
            started = time.perf_counter()
            profile.write_text(original[:match.end(1)] + f"{marker} " + original[match.end(1):], encoding="utf-8")
            while len(events) == before and time.perf_counter() - started < timeout:
                time.sleep(0.0005)
            if len(events) == before:
                return {"error": f"no reload within {timeout} s after save {i}"}
            reload_ms.append((events[before] - started) * 1000)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/de/{slug}/") as response:
                html = response.read().decode("utf-8", "replace")
            page_ms.append((time.perf_counter() - started) * 1000)
            if marker not in html:
                missing += 1
            time.sleep(0.3)
        profile.write_text(original, encoding="utf-8")
        return {"reload_ms": reload_ms, "page_ms": page_ms, "missing": missing, "slug": slug}
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


# ---------------------------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------------------------

def med(runs, attr):
    values = [getattr(r, attr) for r in runs if r.ok]
    return statistics.median(values) if values else None


def fmt_s(value):
    return "–" if value is None else (f"{value:.2f} s" if value < 10 else f"{value:.1f} s")


def fmt_mb(kb):
    return "–" if kb is None else f"{kb / 1024:.0f} MB"


def fmt_ratio(a, b):
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2f}×"


def failures(runs):
    bad = [r for r in runs if not r.ok]
    if not bad:
        return ""
    kinds = [("timeout", sum(r.timed_out for r in bad)), ("killed above the memory limit", sum(r.out_of_memory for r in bad)),
             ("refused before layout (brochure.max_actors)", sum(r.refused for r in bad)),
             ("failed", sum(not r.timed_out and not r.out_of_memory and not r.refused for r in bad))]
    return " (**" + ", ".join(f"{n} {kind}" for kind, n in kinds if n) + f" of {len(runs)} runs**)"


def _default_max_rss_mb():
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        return round(kb * 0.75 / 1024)
    except (OSError, AttributeError):
        return 0


def machine_info(args):
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    commit = sh(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = sh(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"])
    return [
        f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- machine: {os.cpu_count()} CPUs (nproc {sh(['nproc'])}), {cpu}, {memory} RAM, {platform.platform()}",
        f"- load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- steckbrief: commit {commit}{' with uncommitted changes' if dirty else ''}, "
        f"{'release build' if args.binary is None else f'binary {args.binary} (not rebuilt)'} "
        f"(binary sha256 {hashlib.sha256(Path(BINARY).read_bytes()).hexdigest()[:12]})",
        f"- {sh(['hugo', 'version'])}",
        f"- {sh(['rustc', '--version'])}",
        f"- output on tmpfs ({WORK}); runs: {args.runs} per tool and size, interleaved; a run is killed after "
        f"{args.timeout:.0f} s{f' or above {args.max_rss_mb:,.0f} MB resident' if args.max_rss_mb else ''}"
        f"{'; no untimed Hugo warm-up run (--no-warmup)' if args.no_warmup else ''}",
    ]


def main():
    global BINARY, MAX_RSS_KB, WORK
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="actor counts (default 100,1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per tool and size (default 5)")
    parser.add_argument("--languages", type=int, default=6, help="languages of the generated catalogues")
    parser.add_argument("--brochure-sizes", default=None,
                        help="sizes that also get 'with brochures' runs (default: all sizes; '' for none)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per run before it is killed")
    parser.add_argument("--max-rss-mb", type=float, default=_default_max_rss_mb(),
                        help="kill a run whose resident memory exceeds this (default: 75%% of RAM; 0: no limit)")
    parser.add_argument("--edits", type=int, default=15, help="saves for the serve latency (default 15)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and 3 runs")
    parser.add_argument("--skip", default="",
                        help="comma list of parts to skip: example,brochure500,serve,hugo (both variants),hugo-fast")
    parser.add_argument("--out", help="also write the report to this Markdown file")
    parser.add_argument("--json", help="also write the raw measurements as JSON")
    parser.add_argument("--keep", action="store_true", help=f"keep the generated files in {WORK}")
    parser.add_argument("--no-cargo", action="store_true", help="use target/release/steckbrief as it is")
    parser.add_argument("--no-warmup", action="store_true",
                        help="no untimed Hugo run before the timed ones (saves time at 10,000 actors)")
    parser.add_argument("--binary", help="use this steckbrief binary as it is (e.g. a dev build; no cargo)")
    parser.add_argument("--work", default=str(WORK), help=f"working folder on tmpfs (default {WORK})")
    parser.add_argument("--compare", metavar="ROOT",
                        help="only check equivalence: build ROOT with ours and both Hugo variants, compare the pages")
    parser.add_argument("--convert-only", nargs=2, metavar=("ROOT", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    WORK = Path(args.work)
    if args.binary:
        BINARY = Path(args.binary).resolve()
        args.no_cargo = True

    if args.compare:
        compare(Path(args.compare), WORK / "compare")
        if not args.keep:
            clean(WORK / "compare")
        return

    if args.convert_only:
        root, site = map(Path, args.convert_only)
        built = WORK / "convert-build"
        clean(built)
        subprocess.run([str(BINARY), "build", "--root", str(root), "--out", str(built), "--quiet",
                        "--no-brochures"], check=True)
        count = convert(root, built / "data" / "catalog.json", site)
        clean(built)
        print(f"{count} actors converted into {site}")
        return

    if args.quick:
        if args.sizes == parser.get_default("sizes"):
            args.sizes = "100,1000"
        if args.runs == parser.get_default("runs"):
            args.runs = 3
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    brochure_sizes = sizes if args.brochure_sizes is None else [
        int(s) for s in args.brochure_sizes.split(",") if s.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    warnings = []
    started = time.time()

    if not args.no_cargo:
        log("cargo build --release --features synthetic")
        subprocess.run(["cargo", "build", "--release", "--quiet", "--features", "synthetic"], cwd=REPO, check=True)
    if not shutil.which("hugo"):
        sys.exit("hugo is not installed (Debian: apt-get install hugo)")
    WORK.mkdir(parents=True, exist_ok=True)
    # A private copy of the binary: target/ may be rebuilt by someone else during a long run.
    snapshot = WORK / "steckbrief"
    shutil.copy2(BINARY, snapshot)
    BINARY = snapshot
    MAX_RSS_KB = int(args.max_rss_mb * 1024) if args.max_rss_mb else None
    info = machine_info(args)

    results = {"sizes": {}, "example": None, "brochure500": None, "serve": None}
    notes = []
    for size in sizes:
        root = WORK / f"gen-{size}"
        site = WORK / f"hugo-{size}"
        log(f"{size} actors: generate, build once (untimed), convert for Hugo")
        generate(size, args.languages, root, args.seed, warnings)
        first = WORK / "first-build"
        clean(first)
        subprocess.run([str(BINARY), "build", "--root", str(root), "--out", str(first), "--quiet",
                        "--no-brochures"], check=True)
        convert(root, first / "data" / "catalog.json", site)
        clean(first)
        with_brochures = size in brochure_sizes
        runs = {"ours": [], "hugo": [], "hugo-fast": [], "ours+brochures": []}
        # One untimed run of each Hugo variant as well, so all tools start the timed runs equally warm.
        for name, fast in [("hugo", False), ("hugo-fast", True)]:
            if "hugo" not in skip and name not in skip and not args.no_warmup:
                warm = hugo_run(site, WORK / "out-hugo", args.timeout, fast)
                if not warm.ok:
                    log(f"{name} failed on {size} actors:\n{warm.stderr}")
        tools = {"ours": lambda: ours_run(root, WORK / "out-ours", args.timeout, brochures=False)}
        if "hugo" not in skip:
            tools["hugo"] = lambda: hugo_run(site, WORK / "out-hugo", args.timeout)
            if "hugo-fast" not in skip:
                tools["hugo-fast"] = lambda: hugo_run(site, WORK / "out-hugo", args.timeout, fast=True)
        if with_brochures:
            tools["ours+brochures"] = lambda: ours_run(root, WORK / "out-ours", args.timeout, brochures=True)
        for r in range(args.runs):
            log(f"{size} actors: run {r + 1}/{args.runs}")
            for name in list(tools):
                run = tools[name]()
                runs[name].append(run)
                if run.timed_out or run.out_of_memory or run.refused:
                    # Waiting for the same limit again would only cost time.
                    del tools[name]
                    if r + 1 < args.runs:
                        limit = ("brochure.max_actors" if run.refused
                                 else "time" if run.timed_out else "memory")
                        notes.append(f"{name} at {size:,} actors: run {r + 1} hit the "
                                     f"{limit} limit; its remaining "
                                     f"{args.runs - r - 1} run(s) were skipped")
        for name, rs in runs.items():
            for run in rs:
                if not run.ok:
                    log(f"{name} at {size}: exit {run.code}{' (timeout)' if run.timed_out else ''}: {run.stderr[-500:]}")
        results["sizes"][size] = {"runs": runs, "brochures": with_brochures}
        if not args.keep:
            clean(site)
            if size != 1000:
                clean(root)

    if "example" not in skip:
        log("example content: site only and with brochures")
        example = WORK / "example"  # a copy on tmpfs, like the generated catalogues
        clean(example)
        for name in ["config.yaml", "actors", "content", "i18n", "templates", "theme"]:
            path = REPO / name
            if path.is_dir():
                shutil.copytree(path, example / name)
            elif path.exists():
                example.mkdir(exist_ok=True)
                shutil.copy(path, example / name)
        runs = {"ours": [], "ours+brochures": [], "ours+cached": []}
        # Fills the brochure cache: the cached runs are rebuilds that changed no brochure data.
        ours_run(example, WORK / "out-ours", args.timeout, brochures=True, cache=True)
        for r in range(args.runs):
            runs["ours"].append(ours_run(example, WORK / "out-ours", args.timeout, brochures=False))
            runs["ours+brochures"].append(ours_run(example, WORK / "out-ours", args.timeout, brochures=True))
            runs["ours+cached"].append(ours_run(example, WORK / "out-ours", args.timeout, brochures=True,
                                                cache=True))
        results["example"] = runs

    if "brochure500" not in skip:
        log("brochure of 500 actors in German")
        root = WORK / "gen-500"
        generate(500, args.languages, root, args.seed, warnings)
        runs = []
        for r in range(args.runs):
            out = WORK / "out-brochure"
            clean(out)
            runs.append(measure([str(BINARY), "brochure", "--root", str(root), "--lang", "de", "--out", str(out),
                                 "--no-cache"], args.timeout))
            pdfs = list(out.rglob("*.pdf"))
            if runs[-1].ok and not pdfs:
                runs[-1].code = -1
                runs[-1].stderr = "no PDF written"
            clean(out)
        results["brochure500"] = runs

    if "serve" not in skip:
        log(f"serve latency at 1,000 actors ({args.edits} saves)")
        root = WORK / "gen-1000"
        if not root.exists():
            generate(1000, args.languages, root, args.seed, warnings)
        copy = WORK / "serve-1000"
        clean(copy)
        shutil.copytree(root, copy)
        results["serve"] = serve_latency(copy, args.edits)
        clean(copy)
    if not args.keep:
        clean(WORK)

    report = render_report(args, sizes, results, info, warnings, notes, time.time() - started)
    print(report)
    if args.out:
        Path(args.out).write_text(report + "\n", encoding="utf-8")
    if args.json:
        def plain(value):
            if isinstance(value, Run):
                return {k: getattr(value, k) for k in ("wall", "cpu", "rss_kb", "code", "timed_out", "out_of_memory", "pages")}
            if isinstance(value, dict):
                return {str(k): plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value
        Path(args.json).write_text(json.dumps(plain(results), indent=1) + "\n")


def render_report(args, sizes, results, info, warnings, notes, elapsed):
    lines = ["## Benchmark: steckbrief vs Hugo", ""]
    lines += info
    lines.append(f"- command: `{shlex.join(['python3', 'scripts/bench.py', *sys.argv[1:]])}`")
    lines.append(f"- whole benchmark took {elapsed / 60:.1f} min")
    for warning in warnings:
        lines.append(f"- **WARNING:** {warning}")
    lines += ["", f"### Site build, {args.languages} languages (median of {args.runs} interleaved runs)", "",
              "| actors | tool | median wall | min–max | CPU (user+sys) | HTML pages | pages/s | peak RSS (median) |",
              "|---:|---|---:|---:|---:|---:|---:|---:|"]
    skipped = []
    for size in sizes:
        data = results["sizes"][size]
        for name in ["ours", "hugo", "hugo-fast", "ours+brochures"]:
            runs = data["runs"][name]
            if not runs:
                if name == "ours+brochures":
                    skipped.append(f"brochure runs at {size} actors skipped (--brochure-sizes)")
                continue
            ok = [r for r in runs if r.ok]
            wall = med(runs, "wall")
            pages = max((r.pages for r in ok), default=0)
            label = {"ours": "steckbrief (site only)", "hugo": "Hugo --minify, same work",
                     "hugo-fast": "Hugo --minify, at its best", "ours+brochures": "steckbrief (site + brochures)"}[name]
            spread = f"{min(r.wall for r in ok):.2f}–{max(r.wall for r in ok):.2f} s" if ok else "–"
            rate = f"{pages / wall:,.0f}" if wall and pages else "–"
            lines.append(f"| {size:,} | {label}{failures(runs)} | {fmt_s(wall)} | {spread} | {fmt_s(med(runs, 'cpu'))} | "
                         f"{pages:,} | {rate} | {fmt_mb(med(runs, 'rss_kb'))} |")
    lines += ["", "### Ratios per size", "",
              "Two Hugo variants (BENCHMARKS.md): *same work* (bench/hugo, a statement-for-statement port of "
              "ours) and *at its best* (bench/hugo-fast, tuned for speed, byte-identical output). The target "
              "≥ 5× Hugo's pages/s is judged against the faster of the two.", "",
              "| actors | Hugo variant | Hugo time ÷ ours | Hugo CPU ÷ ours | ours pages/s ÷ Hugo's (target ≥ 5×) | Hugo memory ÷ ours (target ≥ 4×) | with brochures ÷ site only |",
              "|---:|---|---:|---:|---:|---:|---:|"]
    for size in sizes:
        runs = results["sizes"][size]["runs"]
        ours_wall = med(runs["ours"], "wall")
        ours_pages = max((r.pages for r in runs["ours"] if r.ok), default=0)
        for name, variant in [("hugo", "same work"), ("hugo-fast", "at its best")]:
            hugo_wall = med(runs[name], "wall")
            hugo_pages = max((r.pages for r in runs[name] if r.ok), default=0)
            if not runs[name]:
                continue
            rate = "–"
            if ours_wall and hugo_wall and ours_pages and hugo_pages:
                rate = f"{(ours_pages / ours_wall) / (hugo_pages / hugo_wall):.2f}×"
            lines.append(f"| {size:,} | {variant} | {fmt_ratio(hugo_wall, ours_wall)} | "
                         f"{fmt_ratio(med(runs[name], 'cpu'), med(runs['ours'], 'cpu'))} | {rate} | "
                         f"{fmt_ratio(med(runs[name], 'rss_kb'), med(runs['ours'], 'rss_kb'))} | "
                         f"{fmt_ratio(med(runs['ours+brochures'], 'wall'), ours_wall)} |")
        same, best = med(runs["hugo"], "wall"), med(runs["hugo-fast"], "wall")
        if same and best:
            lines.append(f"| {size:,} | at its best vs same work | {best / same:.2f}× the time | "
                         f"{fmt_ratio(med(runs['hugo-fast'], 'cpu'), med(runs['hugo'], 'cpu'))} the CPU | | "
                         f"{fmt_ratio(med(runs['hugo-fast'], 'rss_kb'), med(runs['hugo'], 'rss_kb'))} the memory | |")
    if 10000 in sizes:
        rss = med(results["sizes"][10000]["runs"]["ours"], "rss_kb")
        lines += ["", f"Peak memory of the site build at 10,000 actors: **{fmt_mb(rss)}** (target ≤ 400 MB)."]
    if 1000 in sizes and 10000 in sizes:
        lines += ["", "### Growth from 1,000 to 10,000 actors (time ratio; target ≤ 10.5×)", ""]
        for name, label in [("ours", "steckbrief site only"), ("ours+brochures", "steckbrief with brochures"),
                            ("hugo", "Hugo, same work"), ("hugo-fast", "Hugo at its best")]:
            a, b = med(results["sizes"][1000]["runs"][name], "wall"), med(results["sizes"][10000]["runs"][name], "wall")
            ma, mb = med(results["sizes"][1000]["runs"][name], "rss_kb"), med(results["sizes"][10000]["runs"][name], "rss_kb")
            ca, cb = med(results["sizes"][1000]["runs"][name], "cpu"), med(results["sizes"][10000]["runs"][name], "cpu")
            if a and b:
                lines.append(f"- {label}: {fmt_s(a)} → {fmt_s(b)} = **{b / a:.2f}×** time (CPU {cb / ca:.2f}×); memory "
                             f"{fmt_mb(ma)} → {fmt_mb(mb)} = {mb / ma:.2f}×")
    else:
        lines += ["", "Growth 1,000 → 10,000: not measured (needs both sizes)."]

    lines += ["", "### Other measurements", ""]
    example = results["example"]
    if example:
        a, b = med(example["ours"], "wall"), med(example["ours+brochures"], "wall")
        lines.append(f"- example content (repository root, on tmpfs): site only {fmt_s(a)} ({fmt_mb(med(example['ours'], 'rss_kb'))}), "
                     f"with brochures {fmt_s(b)} ({fmt_mb(med(example['ours+brochures'], 'rss_kb'))}): "
                     f"**{fmt_ratio(b, a)}** (target ≤ 1.5×){failures(example['ours'] + example['ours+brochures'])}")
        c = med(example.get("ours+cached", []), "wall")
        if c:
            lines.append(f"- example content, brochures unchanged (from the brochure cache, as after a site-only change): "
                         f"{fmt_s(c)} ({fmt_mb(med(example['ours+cached'], 'rss_kb'))}): **{fmt_ratio(c, a)}** of site only "
                         f"(target ≤ 1.2×){failures(example['ours+cached'])}")
    else:
        lines.append("- example content: skipped (--skip example)")
    brochure = results["brochure500"]
    if brochure:
        lines.append(f"- brochure, 500 actors, German (`steckbrief brochure --lang de`): median **{fmt_s(med(brochure, 'wall'))}** "
                     f"(min–max {fmt_s(min((r.wall for r in brochure if r.ok), default=None))}–"
                     f"{fmt_s(max((r.wall for r in brochure if r.ok), default=None))}), peak RSS "
                     f"{fmt_mb(med(brochure, 'rss_kb'))} (target < 5 s){failures(brochure)}")
    else:
        lines.append("- brochure of 500 actors: skipped (--skip brochure500)")
    serve = results["serve"]
    if serve and "error" not in serve:
        r, p = serve["reload_ms"], serve["page_ms"]
        lines.append(f"- serve, 1,000 actors, {len(r)} saves of `{serve['slug']}/profile.yaml`: save → reload event "
                     f"median **{statistics.median(r):.0f} ms** (min {min(r):.0f}, max {max(r):.0f}); save → edited page "
                     f"fetched median {statistics.median(p):.0f} ms (max {max(p):.0f}) (target < 100 ms)"
                     + (f"; **{serve['missing']} fetches did not show the edit**" if serve["missing"] else ""))
    elif serve:
        lines.append(f"- serve latency: **failed**: {serve['error']}")
    else:
        lines.append("- serve latency: skipped (--skip serve)")
    for note in skipped + notes:
        lines.append(f"- {note}")
    lines += ["", "Pages/s: HTML files in the output ÷ median wall time. CPU: user + system time of the run. Peak RSS: "
              "ru_maxrss of the tool's process, measured by /usr/bin/time (see measure()). Medians over the successful runs."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
