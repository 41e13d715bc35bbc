"""数据交换: packages on a USB stick between offices, in five tabs."""

from desktop.views.exchange.page import ExchangePage

__all__ = ["ExchangePage"]
