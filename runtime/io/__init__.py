"""Reading and writing data sets: Part 10 files, bare data sets, encapsulated pixel data."""
