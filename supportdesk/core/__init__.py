"""The domain of SupportDesk: pure Python, never imports Qt or the UI."""
