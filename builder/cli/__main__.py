from builder.cli.run import run

run()
