#!/usr/bin/python3
"""Renders the lessons as a static site from the committed, executed notebooks (no kernel runs).

  notebooks/site.py [--out DIR]    (default target/site; --notebooks DIR and --exercises DIR
                                   render other lessons than the project's)

writes DIR/index.html (the lessons in order, each with its exercise), one page per notebook
(DIR/NN-name.html, with its tables and pictures) and one per exercise README
(DIR/exercises/NN-name.html), and the pages of docs/ the lessons link, such as the glossary
(DIR/docs/name.html, with the pages those link in turn). Every page works from file:// with no network: no CDN scripts, fonts
or MathJax, and every SVG picture is an <img> with a data: URI.

Needs Debian's nbconvert 6.5 (apt-get install -y --no-install-recommends python3-nbconvert; run it
with /usr/bin/python3). Its HTML templates pass an image/svg+xml output through its sanitizer,
which keeps the <svg> element and drops everything inside it, so this script turns each picture
into an <img> before nbconvert sees it.
"""
import argparse
import base64
import html
import os
import re
import shutil
import sys

try:
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter
except ImportError as e:
    print(f"notebooks/site.py needs Debian's nbconvert ({e}): apt-get install -y "
          f"--no-install-recommends python3-nbconvert, and run it with /usr/bin/python3",
          file=sys.stderr)
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Marks a folder this script wrote, so a re-run may empty it and no other folder is ever emptied.
MARKER = ".lessons-site"

# The lab template, less what it fetches: require.js and MathJax (Debian points them at
# file:///usr/share/javascript/..., missing unless libjs-* is installed; upstream at CDNs). No
# notebook here has widgets or math.
TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
"""

SVG_OPEN = re.compile(r"<svg\b", re.IGNORECASE)
SVG_START_TAG = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
SVG_TAG = re.compile(r"<(/?)svg\b[^>]*?(/?)>", re.IGNORECASE)
TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def svg_img(svg):
    """An <img> showing the SVG document `svg` from a data: URI, its <title> as the alt text."""
    svg = svg.strip()
    tag = SVG_START_TAG.search(svg)  # after any <?xml ...?> prolog
    if tag and "xmlns=" not in tag.group(0):  # inline in HTML it may omit it; as an image it must not
        at = tag.start() + len("<svg")
        svg = svg[:at] + ' xmlns="http://www.w3.org/2000/svg"' + svg[at:]
    title = TITLE.search(svg)
    alt = html.unescape(title.group(1)).strip() if title else "picture"
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt)}">'


def inline_svgs_to_imgs(markup):
    """`markup` with each outermost <svg>...</svg> element made an <img> (nested ones ride along),
    and how many it made."""
    out, pos = [], 0
    while (start := SVG_OPEN.search(markup, pos)) is not None:
        depth, end = 0, None
        for tag in SVG_TAG.finditer(markup, start.start()):
            if tag.group(1):
                depth -= 1
            elif not tag.group(2):  # <svg/> opens nothing
                depth += 1
            if depth == 0:
                end = tag.end()
                break
        if end is None:  # not closed: leave the rest as it is
            break
        out.append(markup[pos:start.start()])
        out.append(svg_img(markup[start.start():end]))
        pos = end
    out.append(markup[pos:])
    return "".join(out), len(out) // 2


def text_of(value):
    return "".join(value) if isinstance(value, list) else value


def embed_pictures(nb):
    """Makes every SVG in the outputs an <img>: image/svg+xml outputs and <svg> in text/html."""
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/svg+xml" in data:
                # text/html outranks image/svg+xml and is not sanitized; the text/plain stays.
                data["text/html"] = svg_img(text_of(data.pop("image/svg+xml")))
                count += 1
            elif "text/html" in data and SVG_OPEN.search(text_of(data["text/html"])):
                data["text/html"], made = inline_svgs_to_imgs(text_of(data["text/html"]))
                count += made
    return count


def numbered(folder, suffix, inside=""):
    """{"01": "01-name", ...} for the entries of `folder` named NN-name[suffix] (holding `inside`)."""
    found = {}
    for name in sorted(os.listdir(folder)):
        m = re.fullmatch(r"(\d\d)-.+", name)
        if m and name.endswith(suffix) and (not inside or os.path.isfile(os.path.join(folder, name, inside))):
            found[m.group(1)] = name[: len(name) - len(suffix)] if suffix else name
    return found


def title_of(markdown, fallback):
    m = re.search(r"^#\s+(.+)$", markdown, re.MULTILINE)
    return m.group(1).strip() if m else fallback


# A lesson's link to a page of docs/ (the glossary, say), and a link between two such pages.
LESSON_DOC_LINK = re.compile(r"\]\(\.\./docs/([a-z0-9-]+)\.md(#[^)\s]*)?\)")
DOC_DOC_LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[^)\s]*)?\)")


class Site:
    def __init__(self, out, notebooks, exercises, docs):
        self.out, self.notebooks, self.exercises, self.docs = out, notebooks, exercises, docs
        self.doc_pages = []  # the docs/ pages the lessons reach, in the order they were met
        self.exporter = HTMLExporter(template_name="lab", sanitize_html=False,
                                     extra_loaders=[jinja2.DictLoader({"site.html.j2": TEMPLATE})],
                                     template_file="site.html.j2")

    def page(self, nb, title, path):
        body, _ = self.exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
        with open(os.path.join(self.out, path), "w", encoding="utf-8") as f:
            f.write(body)

    def lesson(self, name, exercise, ex_title):
        nb = nbformat.read(os.path.join(self.notebooks, name + ".ipynb"), as_version=4)
        title = title_of(text_of(nb.cells[0].source), name) if nb.cells else name
        pictures = embed_pictures(nb)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = LESSON_DOC_LINK.sub(lambda m: self.doc_link("docs/", m), text_of(cell.source))
        nav = f"[All lessons](index.html) · [{ex_title}](exercises/{exercise}.html)"
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(nav))
        self.page(nb, title, name + ".html")
        return title, pictures

    def exercise(self, name, lessons):
        with open(os.path.join(self.exercises, name, "README.md"), encoding="utf-8") as f:
            text = f.read()
        # Its links to the notebooks go to their pages here.
        text = re.sub(r"\]\(\.\./\.\./notebooks/([^)/]+)\.ipynb\)",
                      lambda m: f"](../{m.group(1)}.html)" if m.group(1) in lessons else m.group(0), text)
        nav = "[All lessons](../index.html)"
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(nav),
                                             nbformat.v4.new_markdown_cell(text)])
        title = title_of(text, name)
        self.page(nb, title, os.path.join("exercises", name + ".html"))
        return title

    def doc_link(self, prefix, m):
        """The link to a docs/ page's HTML here; the page is rendered too (see doc_pages_reached)."""
        if m.group(1) not in self.doc_pages:
            self.doc_pages.append(m.group(1))
        return f"]({prefix}{m.group(1)}.html{m.group(2) or ''})"

    def doc_pages_reached(self):
        """Renders every docs/ page a lesson links, and the pages those link, into docs/."""
        done = 0
        while done < len(self.doc_pages):
            name = self.doc_pages[done]
            done += 1
            with open(os.path.join(self.docs, name + ".md"), encoding="utf-8") as f:
                text = DOC_DOC_LINK.sub(lambda m: self.doc_link("", m), f.read())
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("[All lessons](../index.html)"),
                                                 nbformat.v4.new_markdown_cell(text)])
            os.makedirs(os.path.join(self.out, "docs"), exist_ok=True)
            self.page(nb, title_of(text, name), os.path.join("docs", name + ".html"))
        return done

    def index(self, rows):
        glossary = (' New words are explained in the <a href="docs/glossary.html">glossary</a>.'
                    if "glossary" in self.doc_pages else "")
        items = "\n".join(
            f'<li><a href="{html.escape(lesson)}.html">{html.escape(title)}</a><br>\n'
            f'    Exercise: <a href="exercises/{html.escape(exercise)}.html">{html.escape(ex_title)}</a>'
            f' <code>./grade {html.escape(exercise)}</code></li>'
            for lesson, title, exercise, ex_title in rows)
        page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ECS–Wasm Workbench: the lessons</title>
<style>
body {{ font-family: sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }}
li {{ margin-bottom: 1em; }}
code {{ background: #f4f4f4; padding: 0 0.2em; }}
</style>
</head>
<body>
<h1>ECS–Wasm Workbench: the lessons</h1>
<p>Six notebooks, in order, as they were last run; each is followed by its exercise. Run a notebook
yourself in Jupyter (Java kernel), then do the exercise and grade it from the project folder.{glossary}</p>
<ol>
{items}
</ol>
</body>
</html>
"""
        with open(os.path.join(self.out, "index.html"), "w", encoding="utf-8") as f:
            f.write(page)


def prepare(out):
    """Empties `out` if this script wrote it; refuses a folder with anything else in it."""
    if os.path.isdir(out) and os.listdir(out):
        if not os.path.exists(os.path.join(out, MARKER)):
            raise SystemExit(f"{out} has files this script did not write; pick an empty or new --out")
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "exercises"))
    open(os.path.join(out, MARKER), "w").close()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "site"), metavar="DIR")
    # Other lessons than the project's (the test renders a notebook of its own).
    parser.add_argument("--notebooks", default=os.path.join(ROOT, "notebooks"), metavar="DIR")
    parser.add_argument("--exercises", default=os.path.join(ROOT, "exercises"), metavar="DIR")
    parser.add_argument("--docs", default=os.path.join(ROOT, "docs"), metavar="DIR")
    args = parser.parse_args(argv[1:])

    lessons = numbered(args.notebooks, ".ipynb")
    exercises = numbered(args.exercises, "", "README.md")
    unpaired = sorted(set(lessons) ^ set(exercises))
    if unpaired:
        print(f"each notebook NN-name.ipynb in {args.notebooks} needs an exercise NN-other/README.md in "
              f"{args.exercises}, and each exercise a notebook; alone: "
              + ", ".join(lessons.get(n) or exercises[n] for n in unpaired), file=sys.stderr)
        return 1

    out = os.path.abspath(args.out)
    prepare(out)
    site = Site(out, args.notebooks, args.exercises, args.docs)
    rows, pictures = [], 0
    for number in sorted(lessons):
        ex_title = site.exercise(exercises[number], set(lessons.values()))
        title, count = site.lesson(lessons[number], exercises[number], ex_title)
        rows.append((lessons[number], title, exercises[number], ex_title))
        pictures += count
    docs = site.doc_pages_reached()
    site.index(rows)
    print(f"wrote {os.path.join(out, 'index.html')}: lessons {len(rows)} (SVG pictures {pictures}), "
          f"exercises {len(rows)}, pages of docs/ {docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
