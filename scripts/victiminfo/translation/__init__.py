"""Translation bookkeeping: the status matrix, and files exchanged with translation agencies."""
