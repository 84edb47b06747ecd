# Chart axes have room for a few characters only: "2 dic".
MONTH_DAY_FORMAT = "j b"
