"""`extra.papernotes` in mkdocs.yml: read into Settings, or refused with the key, the value and a hint."""

from __future__ import annotations

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
