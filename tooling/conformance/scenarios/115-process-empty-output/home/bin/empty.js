// prints nothing
