"""`extra.papernotes` in mkdocs.yml: read into Settings, or refused with the key, the value and a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from papernotes.config import Settings, SettingsError, read_settings


def test_absent_section_gives_the_defaults() -> None:
    assert read_settings(None, site_name="s", site_url=None) == Settings(site_name="s")


def test_every_setting_is_read() -> None:
    options = {"default_lang": "en", "home_days": 5, "home_notes": 12, "tag_page_size": 20, "day_page_size": 9,
               "month_page_size": 300}
    settings = read_settings(options, site_name="s", site_url="https://x.org/")
    assert settings == Settings(site_name="s", site_url="https://x.org/", **options)


# (options, what the message must say)
REFUSED = [
    ({"tag_page_sise": 10}, "mkdocs.yml: extra.papernotes.tag_page_sise: unknown setting (did you mean 'tag_page_size'?)"),
    ({"colour": "red"}, "extra.papernotes.colour: unknown setting; settings are default_lang, home_days"),
    ({"tag_page_size": "ten"}, "extra.papernotes.tag_page_size must be a whole number, not 'ten'"),
    ({"tag_page_size": "10"}, "must be a whole number, not '10'"),
    ({"home_days": True}, "extra.papernotes.home_days must be a whole number, not True"),
    ({"day_page_size": 0}, "extra.papernotes.day_page_size must be between 1 and 100,000, not 0"),
    ({"month_page_size": -5}, "must be between 1 and 100,000, not -5"),
    ({"home_notes": 2.5}, "extra.papernotes.home_notes must be a whole number, not 2.5"),
    ({"default_lang": "fr"}, "extra.papernotes.default_lang must be 'ko' or 'en', not 'fr'"),
    ({"site_name": "x"}, "extra.papernotes.site_name: unknown setting"),  # MkDocs' own key, not ours
    (["tag_page_size"], "extra.papernotes must be a mapping of settings"),
]


@pytest.mark.parametrize(("options", "message"), REFUSED)
def test_bad_settings_are_refused_naming_key_and_value(options: object, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        read_settings(options, site_name="s", site_url=None)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_directory_urls_are_required() -> None:
    with pytest.raises(SettingsError, match="use_directory_urls: true"):
        read_settings({}, site_name="s", site_url=None, use_directory_urls=False)


def test_a_web_font_is_refused() -> None:
    """Deleting `font: false` (the theme's default is Roboto) or naming a font made every page
    load fonts.googleapis.com, and the check and the strict build passed."""
    for font in ({"text": "Roboto", "code": "Roboto Mono"}, {"text": "Noto Sans KR"}, None):
        with pytest.raises(SettingsError, match="theme.font must be false") as caught:
            read_settings({}, site_name="s", site_url=None, font=font)
        assert caught.value.key == "theme.font"


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("edit", "expected"), [
    (("    home_days: 3\n", "    home_days: '3'\n"), "mkdocs.yml:33:16: error: extra.papernotes.home_days: must be a whole number, not '3'"),
    (("    home_days: 3\n", "    home_dayz: 3\n"), "mkdocs.yml:33:5: error: extra.papernotes.home_dayz: unknown setting (did you mean 'home_days'?)"),
    (("    default_lang: ko\n", "    default_lang: fr\n"), "mkdocs.yml:32:19: error: extra.papernotes.default_lang: must be 'ko' or 'en', not 'fr'"),
    (("  font: false\n", ""), "mkdocs.yml:6:1: error: theme: theme.font must be false, not {'text': 'Roboto', 'code': 'Roboto Mono'}"),
    (("  font: false\n", "  font:\n    text: Roboto\n"), "mkdocs.yml:10:3: error: theme.font: must be false, not {'text': 'Roboto'}"),
    (("use_directory_urls: true", "use_directory_urls: false"), "mkdocs.yml:4:21: error: use_directory_urls: papernotes needs"),
    # A hostile-input QA pass: each of these passed the check and failed the build (or, for the
    # last two, passed both: a key MkDocs keeps the last of, an address written raw into a page).
    (("site_name: papernotes\n", 'site_name: "papernotes\n'),
     "mkdocs.yml:1:12: error: site_name: YAML syntax error: unclosed quote in the value of 'site_name'"),
    (("site_name: papernotes\n", "site_name: papernotes\nsite_url: javascript:alert(1)\n"),
     "mkdocs.yml:2:1: error: site_url: MkDocs refuses it: The URL isn't valid"),
    (("site_name: papernotes\n", "site_name: papernotes\nsite_dirr: out\n"),
     "mkdocs.yml:2:1: error: site_dirr: Unrecognised configuration name: site_dirr (a warning, which `mkdocs build --strict` refuses)"),
    (("site_name: papernotes\n", 'site_name: papernotes\nsite_url: "https://x.example/\\"><script>alert(1)</script>"\n'),
     "mkdocs.yml:2:11: error: site_url: 'https://x.example/\"><script>alert(1)</script>' is not a site's address"),
    (("    home_days: 3\n", "    home_days: 3\n    home_days: 4\n"),
     "mkdocs.yml:34:5: error: extra.papernotes.home_days: written twice in its mapping; YAML would silently keep the last one"),
])
def test_check_reads_the_settings_as_the_build_does(tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: tuple[str, str],
                                                    expected: str) -> None:
    """`papernotes check` passed settings the build refused (`home_days: '3'`), and said nothing
    of a web font: both now fail it, at the setting's line, as the build does (without a line)."""
    from conftest import build, make_site

    from papernotes.cli.main import main

    site = make_site(tmp_path / "site")
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert edit[0] in config
    (site / "mkdocs.yml").write_text(config.replace(edit[0], edit[1], 1), encoding="utf-8")
    assert main(["check", "--root", str(site)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(expected), out
    assert build(site).returncode == 1


def test_a_key_written_twice_is_found_and_aliases_are_read_once() -> None:
    """`duplicate_key` walks mkdocs.yml's nodes: an alias is the node it names, read once (a node
    that holds itself, `&a [*a]`, recursed for ever; a billion laughs took exponential time)."""
    import yaml

    from papernotes.config import _TaggedLoader, duplicate_key

    def row(k: int) -> str:
        before = "*a" if k == 0 else f"*l{k - 1}"
        return f"l{k}: &l{k} [{', '.join([before] * 9)}]\n"

    laughs = "a: &a [1, 2]\n" + "".join(row(k) for k in range(12))
    for text in ("a: &a [*a]\n", laughs):
        assert duplicate_key(yaml.compose(text, Loader=_TaggedLoader)) is None
    key, mark = duplicate_key(yaml.compose("extra:\n  papernotes:\n    home_days: 3\n    home_days: 4\n", Loader=_TaggedLoader))
    assert (key, mark.line + 1, mark.column + 1) == ("extra.papernotes.home_days", 4, 5)
