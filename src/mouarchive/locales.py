"""The languages the archive knows, without Babel: the settings are checked against them before
anything is formatted (i18n.py formats)."""

DEFAULT = "en"
# Interface languages: English, and those with a catalogue. Each with the CLDR locale whose
# conventions it follows: British English writes 6 September 2023, Hong Kong 2023年9月6日.
INTERFACE_LOCALES = {"en": "en_GB", "zh-Hant": "zh_Hant_HK"}
# Every language a document may be written in.
LOCALES = {**INTERFACE_LOCALES, "zh-Hans": "zh_Hans_CN"}
