"""SupportDesk: the counter app for commune technical support teams."""

__version__ = "0.1.0"
