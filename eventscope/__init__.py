"""eventscope: news articles in, linked and explainable political event data out."""

__version__ = "0.1.0"
