from factcheck.entry import console

console()
