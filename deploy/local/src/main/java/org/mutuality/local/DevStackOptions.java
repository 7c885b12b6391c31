package org.mutuality.local;

import java.nio.file.Path;

/**
 * The options of {@code ./mutuality up}, as the script passes them to the launcher.
 *
 * @param root the repository root (where the module jars and {@code deploy/keycloak} are)
 * @param stateDirectory where data, logs and generated secrets are kept between runs
 * @param portOffset added to every port, so that a second stack can run beside the first
 * @param reset whether to delete the kept data first
 */
record DevStackOptions(Path root, Path stateDirectory, int portOffset, boolean reset) {

	static final String USAGE = """
			Usage: ./mutuality up [--reset] [--no-build] [--port-offset N] [--state-dir DIR]
			  --reset          start clean: delete the kept databases, Kafka log, Keycloak data and secrets
			  --no-build       start from the jars as they are, without building what is missing or stale
			  --port-offset N  add N to every port (8080 -> 8080+N ...), to run a second stack beside the first
			  --state-dir DIR  keep data, logs and secrets in DIR instead of .mutuality/ at the repository root""";

	static DevStackOptions parse(String... args) {
		Path root = Path.of("").toAbsolutePath();
		Path stateDirectory = null;
		int portOffset = 0;
		boolean reset = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--root" -> root = Path.of(value(args, ++i, "--root")).toAbsolutePath().normalize();
				case "--state-dir" ->
					stateDirectory = Path.of(value(args, ++i, "--state-dir")).toAbsolutePath().normalize();
				case "--port-offset" -> portOffset = portOffset(value(args, ++i, "--port-offset"));
				case "--reset" -> reset = true;
				default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
			}
		}
		if (stateDirectory == null) {
			stateDirectory = root.resolve(".mutuality");
		}
		return new DevStackOptions(root, stateDirectory, portOffset, reset);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static int portOffset(String value) {
		int offset;
		try {
			offset = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port-offset needs a whole number, not '" + value + "'");
		}
		if (offset < 0 || 15432 + offset > 65535) {
			throw new IllegalArgumentException("--port-offset must be between 0 and " + (65535 - 15432));
		}
		return offset;
	}

}
