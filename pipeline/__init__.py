"""claimwatch: extract factual claims about AI models from news and check them."""

__version__ = "0.1.0"
