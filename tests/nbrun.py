"""Execute a Jupyter notebook's code cells in order, in one namespace, as a kernel would.

No Jupyter needed: each cell is compiled and run; the value of a cell's last expression is
captured like IPython's Out[], and printed output as a stream. `python -m tests.nbrun NB --write`
stores the outputs back into the notebook (so it reads well on GitHub).
"""
from __future__ import annotations

import ast
import contextlib
import io
import json
import sys
from pathlib import Path


def run_notebook(path: str | Path, *, write: bool = False, namespace: dict | None = None) -> dict:
    """Run the notebook; its namespace after the last cell."""
    return execute_notebook(path, write=write, namespace=namespace)[0]


def execute_notebook(path: str | Path, *, write: bool = False, namespace: dict | None = None) -> tuple[dict, dict]:
    """Run the notebook; its namespace after the last cell and the notebook with every cell's outputs."""
    path = Path(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    ns: dict = {"__name__": "__main__"} if namespace is None else namespace
    count = 0
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        count += 1
        source = "".join(cell["source"])
        tree = ast.parse(source, filename=f"{path.name}[{count}]")
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(tree, f"{path.name}[{count}]", "exec"), ns)
                value = eval(compile(last, f"{path.name}[{count}]", "eval"), ns) if last is not None else None
        except Exception as exc:
            raise RuntimeError(f"{path.name}: cell {count} failed: {exc!r}\n--- cell ---\n{source}") from exc
        outputs = []
        if out.getvalue():
            outputs.append({"name": "stdout", "output_type": "stream", "text": out.getvalue().splitlines(True)})
        if value is not None:
            data = {"text/plain": repr(value).splitlines(True)}
            if hasattr(value, "_repr_html_"):
                html = value._repr_html_()
                if html:
                    data["text/html"] = html.splitlines(True)
            outputs.append({"data": data, "execution_count": count, "metadata": {}, "output_type": "execute_result"})
        cell["outputs"] = outputs
        cell["execution_count"] = count
    if write:
        path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ns, nb


if __name__ == "__main__":
    run_notebook(sys.argv[1], write="--write" in sys.argv)
