"""LianXi (联席): government–trade-union joint meetings for union offices."""

__version__ = "0.1.0"
APP_NAME = "LianXi"
