"""The templates' context (render._Context): its fast way of calling functions gives each kind of
callable what Jinja's own Context.call would, and the functions that take the context see the
render's own values even inside a loop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from markupsafe import Markup

from mouarchive.escaping import escape
from mouarchive.render import _Environment


def _render(source: str, **values: Any) -> str:
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(source).render(**values)


def test_a_plain_function_in_a_loop_gets_only_its_own_arguments() -> None:
    seen: list[dict[str, Any]] = []

    def plain(value: int, **named: Any) -> str:
        seen.append(named)
        return f"<{value}>"

    out = _render("{% for v in [1, 2] %}{% set x = v %}{{ plain(x, k=v) }}{% endfor %}", plain=plain)
    assert out == "&lt;1&gt;&lt;2&gt;"  # still escaped: a plain str is not markup
    assert seen == [{"k": 1}, {"k": 2}]  # no _loop_vars or _block_vars reach it


def test_a_context_function_in_a_loop_sees_the_renders_values_not_the_loops() -> None:
    @jinja2.pass_context
    def linked(context: jinja2.runtime.Context, target: str) -> str:
        return context["link"](target)

    # A variable set in a loop and named like the render's own `link` does not reach the
    # function: it reads what the render was given (Jinja's own call would hand it a context
    # holding the loop's variables, and `link` would be the string).
    out = _render("{% for v in ['x'] %}{% set link = v %}{{ linked(link) }}{% endfor %}|{{ linked('y') }}",
                  linked=linked, link=lambda target: f"/to/{target}")
    assert out == "/to/x|/to/y"


def test_other_callables_go_jinjas_way() -> None:
    @jinja2.pass_environment
    def autoescaping(environment: jinja2.Environment) -> str:
        return str(environment.autoescape)

    class Greeter:
        def __call__(self, name: str) -> str:
            return f"hi {name}"

    source = ("{% macro box(v) %}[{{ v }}{{ caller() if caller else '' }}]{% endmacro %}"
              "{% for v in [1] %}{% call box(v) %}!{% endcall %}{% endfor %}"
              "{{ autoescaping() }} {{ greet('a') }} {{ [3, 1] | sort | join(',') }}")
    assert _render(source, autoescaping=autoescaping, greet=Greeter()) == "[1!]True hi a 1,3"


def test_a_function_raising_is_not_swallowed() -> None:
    def broken() -> str:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        _render("{{ broken() }}", broken=broken)



def test_loaded_templates_escape_with_it(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{{ a }}|{{ b }}|{{ c }}")
    cache = jinja2.FileSystemBytecodeCache(str(tmp_path / "compiled"))
    (tmp_path / "compiled").mkdir()
    for _ in range(2):  # compiled, then read back from the bytecode cache
        env = _Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), autoescape=True,
                           bytecode_cache=cache)
        template = env.get_template("page.html")
        assert template.root_render_func.__globals__["escape"] is escape
        assert template.render(a="<&>", b=Markup("<i>"), c=3) == "&lt;&amp;&gt;|<i>|3"
    assert env.from_string("{{ a }}").root_render_func.__globals__["escape"] is escape
