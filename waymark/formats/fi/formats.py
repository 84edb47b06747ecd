# Chart axes have room for a few characters only: "2.12.".
MONTH_DAY_FORMAT = "j.n."
