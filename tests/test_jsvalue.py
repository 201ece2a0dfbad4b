"""``discover.jsvalue``: page data written as JavaScript literals (Nuxt 2's
``window.__NUXT__``, Next.js's ``self.__next_f`` pushes, Angular's escaped transfer
state), read without running anything, never raising."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive import jsvalue
from newsarchive.jsvalue import (
    MAX_DEPTH,
    angular_state,
    assigned_literals,
    next_flight,
    nuxt_payload,
    read_literal,
)


def test_a_literal_with_unquoted_keys_and_javascripts_values() -> None:
    text = (
        "{a:1,'b':\"два\",c:[1,,3],d:0x1F,e:.5,f:-2e3,g:void 0,h:undefined,i:new Date(0),"
        "j:true,k:null,l:`шаблон`,m:\"\\u002Fnovini\\u{1F600}\\x41\",n:'a\\'b',o:{},}"
    )
    assert read_literal(text) == {
        "a": 1, "b": "два", "c": [1, None, 3], "d": 31, "e": 0.5, "f": -2000.0, "g": None,
        "h": None, "i": None, "j": True, "k": None, "l": "шаблон",
        "m": "/novini\U0001f600A", "n": "a'b", "o": {},
    }  # fmt: skip


def test_a_surrogate_pair_spelled_as_two_escapes_is_one_character() -> None:
    assert read_literal('"\\ud83d\\ude00"') == "\U0001f600"
    assert read_literal('"\\ud83d"') == "\ufffd"  # half a pair: no character


@pytest.mark.parametrize(
    "text",
    ["{a:b}", "{a:1+2}", "f(1)", '"open', "{a:1", "[1,2", "`${x}`", "{a:1} junk", ""],
)
def test_what_is_no_literal_reads_as_none(text: str) -> None:
    assert read_literal(text) is None


def test_a_nuxt2_function_is_read_with_its_parameters_bound_to_its_arguments() -> None:
    script = (
        "window.__NUXT__=(function(a,b,c){b.x=1;return {data:[{list:[{t:a},{t:a}]}],"
        'error:b,ok:c}}("Новини",{},true));'
    )
    assert nuxt_payload(script) == {"data": [{"list": [{"t": "Новини"}, {"t": "Новини"}]}],
                                    "error": {"x": 1}, "ok": True}  # fmt: skip
    called_after = 'window.__NUXT__=(function(a){return {t:a}})("x")'
    assert nuxt_payload(called_after) == {"t": "x"}
    assert nuxt_payload("window.__NUXT__={data:[],serverRendered:true};") == {
        "data": [],
        "serverRendered": True,
    }


@pytest.mark.parametrize(
    "script",
    [
        "var x = 1;",
        "window.__NUXT__=(function(a){return {t:a}",  # cut short
        "window.__NUXT__=(function(a){return {t:a}}(foo()))",  # an argument no literal
        "window.__NUXT__=(function(a){var q=a}(1))",  # no return
    ],
)
def test_a_script_that_is_no_nuxt2_payload_reads_as_none(script: str) -> None:
    assert nuxt_payload(script) is None


def test_next_flight_joins_the_pushes_and_reads_the_json_lines() -> None:
    scripts = [
        "(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([2,null])",
        'self.__next_f.push([1,"0:[\\"$\\",\\"$L1\\",null,{\\"a\\":"])',
        'self.__next_f.push([1,"1}]\\n2:I[\\"7\\",[],\\"X\\"]\\n3:{\\"b\\":2}\\n"])',
    ]
    assert next_flight(scripts) == [["$", "$L1", None, {"a": 1}], {"b": 2}]


def test_an_angular_state_is_unescaped_and_plain_json_left_alone() -> None:
    assert angular_state("{&q;a&q;:&q;x&a;q;y &s;&l;&g;&q;}") == '{"a":"x&q;y \'<>"}'
    assert angular_state('{"a": 1}') is None


def test_nesting_past_the_bound_reads_as_none() -> None:
    assert read_literal("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)) is None
    assert read_literal("[" * 50 + "]" * 50) is not None


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="{}[]()\"'`\\,:;.-+0123456789abcxnuvoidtrefalsNUXT_ =\n\u0436", max_size=80)
)
def test_no_text_makes_the_readers_raise(text: str) -> None:
    read_literal(text)
    nuxt_payload("window.__NUXT__=" + text)
    nuxt_payload("window.__NUXT__=(function(a,b){return " + text)
    next_flight(["self.__next_f.push(" + text])
    angular_state(text)


def _counted(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """How many times ``jsvalue``'s function ``name`` runs from now on: the work a reader
    does counted, not timed (a timed bound fails on a loaded machine, passes on a fast
    one whatever the code does)."""
    calls = [0]
    real = getattr(jsvalue, name)

    def counting(*args: object) -> object:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(jsvalue, name, counting)
    return calls


def test_a_long_bound_string_used_often_is_read_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parameter bound to a long string, named thousands of times in the body, reads
    in the time its text takes (its escapes joined once, not at each use)."""
    script = (
        "window.__NUXT__=(function(a){return ["
        + ",".join(["a"] * 40_000)
        + ']}("'
        + "x" * 200_000
        + '\\ud83d\\ude00"))'
    )
    joins = _counted(monkeypatch, "_joined_surrogates")
    read = nuxt_payload(script)
    assert joins[0] == 1  # its escapes joined once, not at each of its 40,000 uses
    assert isinstance(read, list) and len(read) == 40_000
    assert read[0] == "x" * 200_000 + "\U0001f600"


@pytest.mark.parametrize(
    "scripts",
    [
        ["self.__next_f.push([" * 50_000],  # no push closes
        ['self.__next_f.push([1,"' + "self.__next_f.push([" * 30_000 + '"])'],  # in a string
    ],
)
def test_pushes_that_never_close_are_scanned_once(
    scripts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    scans = _counted(monkeypatch, "_block_end")
    next_flight(scripts)
    assert scans[0] <= 2  # one scan to the script's end, not one from each of its marks


@pytest.mark.parametrize(
    "script",
    [
        "var a = [" * 50_000,  # no value closes
        'window.__state = ["' + "var a = [" * 30_000 + '"]',  # in a string
        "var a = [" + "window.b = {c: 1}, " * 30_000 + "x",  # inside one never closed
    ],
)
def test_assignments_that_never_close_are_scanned_once(
    script: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    scans = _counted(monkeypatch, "_block_end")
    assigned_literals(script)
    assert scans[0] <= 2  # one scan to the script's end, not one from each assignment


def test_a_nuxt2_functions_statements_before_its_return_are_read() -> None:
    """devalue passes a value used twice as an argument and fills it before the return
    (``a.title=…``, ``b[0]=…``; an array as ``Array(2)``); a hand-written payload may name
    a value first (``var e = {…}``). Each is read, in order, where only the return was
    (an unknown name then made the whole payload unreadable)."""
    script = (
        'window.__NUXT__=(function(a,b,c){a.title=c;a["url"]="/novini/most";b[0]=a;'
        'b[1]={title:"Втора новина",url:"/novini/vtora"};var e={t:"x"}, f=[e];let g;'
        'return {data:[{featured:a,list:b,other:f}]}}({},Array(2),"Ремонт на моста"));'
    )
    item = {"title": "Ремонт на моста", "url": "/novini/most"}
    assert nuxt_payload(script) == {
        "data": [
            {
                "featured": item,
                "list": [item, {"title": "Втора новина", "url": "/novini/vtora"}],
                "other": [{"t": "x"}],
            }
        ]
    }


@pytest.mark.parametrize(
    "body",
    [
        "a.b.c=1;return {a:a}",  # a member of nothing bound
        "z.x=1;return {a:a}",  # an unknown name
        "a[5]=1;return {a:a}",  # past an array's end
        "f(a);return {a:a}",  # a call
    ],
)
def test_statements_this_reader_cannot_follow_leave_the_return_read_alone(body: str) -> None:
    script = "window.__NUXT__=(function(a){" + body + "}(Array(1)))"
    assert nuxt_payload(script) == {"a": [None]}


def test_a_huge_array_length_is_unreadable() -> None:
    assert nuxt_payload("window.__NUXT__=(function(a){return {a:a}}(Array(1e12)))") is None
    assert nuxt_payload("window.__NUXT__=(function(a){return {a:a}}(Array(99999999)))") is None


def test_a_next_flight_text_row_is_skipped_by_its_length() -> None:
    """An App Router payload's text row, ``<id>:T<hex length>,<text>``, holds its length in
    UTF-8 bytes and no newline after it: the row after it starts right where it ends, and
    the text's own lines (one that looks like a row) are no rows."""
    text = 'Текст\n9:{"fake":1}\nкрай'
    row = f"1a:T{len(text.encode()):x},{text}"
    pushed = json.dumps(row + '1b:{"b":2}\n2:{"c":3}\n', ensure_ascii=False)
    scripts = ['self.__next_f.push([1,"0:{\\"a\\":1}\\n"])', f"self.__next_f.push([1,{pushed}])"]
    assert next_flight(scripts) == [{"a": 1}, {"b": 2}, {"c": 3}]
