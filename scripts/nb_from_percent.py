#!/usr/bin/python3
"""Write a notebook from a 'percent' script: cells start with '// %%' (code) or '// %% [markdown]'
(markdown; its lines start with '// '). Cell ids are stable (the notebook's stem and the cell index),
so executed notebooks stay byte-identical between runs. Usage: nb_from_percent.py SRC.jsh OUT.ipynb
"""
import pathlib
import sys

import nbformat


def parse(text):
    cells, kind, buf = [], None, []

    def flush():
        if kind is not None:
            src = "\n".join(buf).strip("\n")
            if kind == "markdown":
                src = "\n".join(l[3:] if l.startswith("// ") else l.lstrip("/") for l in src.splitlines())
            cells.append((kind, src))

    for line in text.splitlines():
        if line.startswith("// %%"):
            flush()
            kind, buf = ("markdown" if "[markdown]" in line else "code"), []
        else:
            buf.append(line)
    flush()
    return cells


def main(src, out):
    stem = pathlib.Path(out).stem
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Java (Persona Workbench)", "language": "java", "name": "workbench-java"},
        "language_info": {"name": "java"},
    }
    for i, (kind, text) in enumerate(parse(pathlib.Path(src).read_text())):
        cell = nbformat.v4.new_markdown_cell(text) if kind == "markdown" else nbformat.v4.new_code_cell(text)
        cell.id = f"{stem[:40]}-{i:02d}"
        nb.cells.append(cell)
    nbformat.validate(nb)
    nbformat.write(nb, out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
