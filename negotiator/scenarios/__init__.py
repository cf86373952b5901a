"""The other side's possible behaviour: payoffs of options under scenarios, and decision rules over them."""
