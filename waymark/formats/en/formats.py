# "2 December 2026": the day first, as most of the program's readers outside the US write it.
DATE_FORMAT = "j F Y"
# Chart axes have room for a few characters only.
MONTH_DAY_FORMAT = "j M"
