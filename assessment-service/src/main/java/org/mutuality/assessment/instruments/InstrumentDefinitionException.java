package org.mutuality.assessment.instruments;

import java.util.List;

/**
 * Thrown at start-up when an instrument definition cannot be read or is inconsistent. It names the
 * offending source and lists every problem found in it, so that one failed start is enough to fix
 * the file.
 */
public class InstrumentDefinitionException extends RuntimeException {

	private final String source;

	private final List<String> problems;

	public InstrumentDefinitionException(String source, List<String> problems) {
		super(message(source, problems));
		this.source = source;
		this.problems = List.copyOf(problems);
	}

	InstrumentDefinitionException(String source, String problem, Throwable cause) {
		super(message(source, List.of(problem)), cause);
		this.source = source;
		this.problems = List.of(problem);
	}

	/** Where the definition came from, such as {@code instruments/phq-9/v1.json}. */
	public String getSource() {
		return this.source;
	}

	/** Every problem found, one sentence each. */
	public List<String> getProblems() {
		return this.problems;
	}

	private static String message(String source, List<String> problems) {
		StringBuilder message = new StringBuilder("Invalid instrument definition ").append(source).append(':');
		for (String problem : problems) {
			message.append(System.lineSeparator()).append("  - ").append(problem);
		}
		return message.toString();
	}

}
